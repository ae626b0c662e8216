namespace GenEft.Tensors;

/// <summary>Cache-blocked out-of-place matrix transpose.</summary>
internal static class TransposeKernel
{
    private const int Block = 32;

    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int cols, Span<T> destination)
    {
        for (int i0 = 0; i0 < rows; i0 += Block)
        {
            int iEnd = Math.Min(i0 + Block, rows);
            for (int j0 = 0; j0 < cols; j0 += Block)
            {
                int jEnd = Math.Min(j0 + Block, cols);
                for (int i = i0; i < iEnd; i++)
                {
                    for (int j = j0; j < jEnd; j++)
                    {
                        destination[(j * rows) + i] = source[(i * cols) + j];
                    }
                }
            }
        }
    }
}
