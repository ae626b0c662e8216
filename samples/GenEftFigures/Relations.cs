using GenEft.Relations;

/// <summary>The relations of GenEFT Table 1 by name.</summary>
internal static class NamedRelations
{
    public static Relation Create(string name, int n) => name switch
    {
        "mod3" => RelationGenerators.EqualityModulo(n, 3),
        "mod5" => RelationGenerators.EqualityModulo(n, 5),
        "greater" => RelationGenerators.LessThan(n),
        "bipartite" => RelationGenerators.CompleteBipartite(n, n / 2),
        _ => throw new ArgumentException($"Unknown relation '{name}' (mod3, mod5, greater, bipartite)."),
    };
}
