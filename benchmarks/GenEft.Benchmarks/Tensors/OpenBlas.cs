using System.Runtime.InteropServices;

namespace GenEft.Benchmarks.Tensors;

/// <summary>
/// OpenBLAS's cblas_sgemm/cblas_dgemm, loaded by path from Debian's libopenblas0-pthread and forced to one
/// thread. Reference only: the library never depends on it.
/// </summary>
internal static unsafe class OpenBlas
{
    public const int RowMajor = 101;
    public const int NoTrans = 111;
    public const int Trans = 112;

    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
    ];

    private static readonly nint Library = Load();

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm =
        (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(Library, "cblas_sgemm");

    /// <summary>The OpenBLAS build description (openblas_get_config), for the report.</summary>
    public static string Config =>
        Marshal.PtrToStringAnsi(((delegate* unmanaged<nint>)NativeLibrary.GetExport(Library, "openblas_get_config"))()) ?? "?";

    /// <summary>The kernel family OpenBLAS chose (openblas_get_corename).</summary>
    public static string CoreName =>
        Marshal.PtrToStringAnsi(((delegate* unmanaged<nint>)NativeLibrary.GetExport(Library, "openblas_get_corename"))()) ?? "?";

    /// <summary>Row-major c = alpha · op(a) · op(b) + beta · c.</summary>
    /// <param name="offsetA">Start of A in <paramref name="a"/> (for batches).</param>
    /// <param name="offsetB">Start of B in <paramref name="b"/>.</param>
    /// <param name="offsetC">Start of C in <paramref name="c"/>.</param>
    public static void Gemm(
        bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c, int offsetA = 0, int offsetB = 0, int offsetC = 0)
    {
        int lda = ta ? m : k, ldb = tb ? k : n;
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Sgemm(RowMajor, ta ? Trans : NoTrans, tb ? Trans : NoTrans, m, n, k, alpha, pa + offsetA, lda, pb + offsetB, ldb, beta, pc + offsetC, n);
        }
    }

    /// <summary>
    /// Debian's OpenBLAS 0.3.21 does not recognise this CPU and falls back to its SSE3 (Prescott) kernels;
    /// unless the caller chose a core, ask for the AVX-512 SkylakeX kernels so the comparison is against
    /// OpenBLAS at its best. One thread either way. Set before loading: OpenBLAS reads them at load time.
    /// </summary>
    private static void ConfigureEnvironment()
    {
        setenv("OPENBLAS_NUM_THREADS", "1", 1);
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 0);
    }

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);

    private static nint Load()
    {
        ConfigureEnvironment();
        foreach (var path in Candidates)
        {
            if (File.Exists(path))
            {
                nint handle = NativeLibrary.Load(path);
                ((delegate* unmanaged<int, void>)NativeLibrary.GetExport(handle, "openblas_set_num_threads"))(1);
                return handle;
            }
        }

        throw new FileNotFoundException(
            "OpenBLAS not found (looked in " + string.Join(", ", Candidates) + "). Install it: apt-get install -y libopenblas0-pthread.");
    }
}
