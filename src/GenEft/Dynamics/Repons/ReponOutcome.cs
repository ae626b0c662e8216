namespace GenEft.Dynamics.Repons;

/// <summary>Where a repon system ends (GenEFT Theorem 2): the repons collide, or their distance freezes at a positive value.</summary>
public enum ReponOutcome
{
    /// <summary>The repons collide (c goes to 0 while the decoder stays alive): generalization.</summary>
    Collision = 0,

    /// <summary>The decoder weight a2 dies first and the repons stay apart (c freezes at a positive value): memorization.</summary>
    Memorization = 1,

    /// <summary>The initial point lies on the separatrix C = 0, where a2 and c both decay to 0 like t^(-1/2).</summary>
    Separatrix = 2,

    /// <summary>A numerical run stopped (end time or step limit) before its verdict became certain.</summary>
    Undecided = 3,
}
