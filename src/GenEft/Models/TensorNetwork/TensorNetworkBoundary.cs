namespace GenEft.Models.TensorNetwork;

/// <summary>The boundary vectors v_L, v_R that start the left and right context recursions.</summary>
public enum TensorNetworkBoundary
{
    /// <summary>v_L = v_R = e_0 = (1, 0, ..., 0), as in the authors' code.</summary>
    FirstBasisVector = 0,

    /// <summary>
    /// v_L, v_R = the unit leading left and right eigenvectors of A(0) (the sequence padded by infinitely many zeros),
    /// by power iteration in double; treated as constants in the backward pass (no gradient through them).
    /// </summary>
    LeadingEigenvectors = 1,
}
