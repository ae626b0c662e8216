using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;
using Xunit;

namespace GenEft.Tests.Tensors;

/// <summary>
/// Runs the kernel test classes again in child processes with narrower hardware, so the AVX2 (Vector256),
/// Vector128 with AVX (masked loads by vmaskmov) and without (masked loads lane by lane), and no-intrinsics
/// (scalar) paths are checked as well as the machine's widest one.
/// </summary>
/// <remarks>
/// Each child is this test assembly under the xunit console runner with a DOTNET_Enable* switch; it checks
/// it got the path it was started for (<see cref="ChildSeesExpectedHardware"/>) and must report at least one
/// passed test and no failure. The marker variable stops a child from starting children of its own.
/// </remarks>
public class SimdPathTests
{
    private const string ChildMarker = "GENEFT_SIMD_PATH_CHILD";

    private static readonly string[] KernelClasses =
    [
        "GenEft.Tests.Tensors.GemmTests",
        "GenEft.Tests.Tensors.GemmLawTests",
        "GenEft.Tests.Tensors.ElementwiseTests",
        "GenEft.Tests.Tensors.ReductionAndBroadcastTests",
        "GenEft.Tests.Tensors.IndexingTests",
        "GenEft.Tests.Tensors.AllocationTests",
        "GenEft.Tests.Tensors.SubnormalFlushTests",
        "GenEft.Tests.Tensors.RowBroadcastKernelTests",
    ];

    [Theory]
    [InlineData("DOTNET_EnableAVX512", "Vector256")]
    [InlineData("DOTNET_EnableAVX2", "Vector128")]
    [InlineData("DOTNET_EnableAVX", "Vector128")]
    [InlineData("DOTNET_EnableHWIntrinsic", "Scalar")]
    public async Task KernelTestsPassOnNarrowerHardware(string switchVariable, string expectedPath)
    {
        if (Environment.GetEnvironmentVariable(ChildMarker) is not null)
        {
            // A child runs only the kernel classes; this guard covers a child started with a wider filter.
            return;
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(SimdPathTests).Assembly.Location);
        foreach (var name in KernelClasses.Append(typeof(SimdPathTests).FullName + "+" + nameof(ChildChecks)))
        {
            start.ArgumentList.Add("-class");
            start.ArgumentList.Add(name);
        }

        start.ArgumentList.Add("-noColor");
        start.Environment[switchVariable] = "0";

        // .NET 10 reads DOTNET_EnableAVX512 and ignores the older per-subset DOTNET_EnableAVX512F; set both.
        if (switchVariable == "DOTNET_EnableAVX512")
        {
            start.Environment["DOTNET_EnableAVX512F"] = "0";
        }

        start.Environment[ChildMarker] = expectedPath;

        using var child = Process.Start(start)!;
        var token = TestContext.Current.CancellationToken;
        var stderr = child.StandardError.ReadToEndAsync(token);
        string stdout = await child.StandardOutput.ReadToEndAsync(token);
        await child.WaitForExitAsync(token);
        string output = stdout + await stderr;

        Assert.True(child.ExitCode == 0, $"{switchVariable}=0 child exited with {child.ExitCode}:\n{output}");
        var summary = Regex.Match(output, @"Total: (\d+), Errors: (\d+), Failed: (\d+), Skipped: (\d+), Not Run: (\d+)");
        Assert.True(summary.Success, $"No summary in the child's output:\n{output}");
        int total = int.Parse(summary.Groups[1].Value), errors = int.Parse(summary.Groups[2].Value), failed = int.Parse(summary.Groups[3].Value);
        Assert.Equal(0, errors + failed);
        Assert.True(total >= 50, $"Only {total} tests ran under {switchVariable}=0:\n{output}");
    }

    private static string DotnetHost()
    {
        // The SDK exports the muxer it runs under; otherwise the current process may be the muxer itself.
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>Runs inside a child: proves the switch took effect, so the kernels really took the narrower path.</summary>
    public class ChildChecks
    {
        [Fact]
        public void ChildSeesExpectedHardware()
        {
            string? expected = Environment.GetEnvironmentVariable(ChildMarker);
            switch (expected)
            {
                case "Vector256":
                    Assert.False(Vector512.IsHardwareAccelerated);
                    Assert.True(Vector256.IsHardwareAccelerated);
                    break;
                case "Vector128":
                    Assert.False(Vector256.IsHardwareAccelerated);
                    Assert.True(Vector128.IsHardwareAccelerated);
                    break;
                case "Scalar":
                    Assert.False(Vector128.IsHardwareAccelerated);
                    break;
                default:
                    // In the parent run there is nothing to check: the parent is on the widest path.
                    Assert.Null(expected);
                    break;
            }
        }
    }
}
