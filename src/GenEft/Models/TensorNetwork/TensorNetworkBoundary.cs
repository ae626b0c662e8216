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

    /// <summary>
    /// Periodic sequences (a ring x_0 ... x_(M-1)): no boundary vectors; the context of position i is the d x d matrix
    /// C_i = n(A(x_(i+1)) ... A(x_(M-1)) A(x_0) ... A(x_(i-1))) (the transfer matrices around the ring, skipping x_i;
    /// n the Frobenius normalisation) and w_j(i) = Tr(B_j C_i). Built from normalised prefix and suffix products;
    /// plain loops (no SIMD), O(M d^3) per sequence.
    /// </summary>
    PeriodicTrace = 2,
}
