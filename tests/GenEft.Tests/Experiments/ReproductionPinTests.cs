using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Relations;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>
/// Pins a few training runs bit for bit: phase, crossing steps, steps run, the final loss and accuracies (as the hex
/// of their IEEE bits) and an FNV-1a digest of every curve point's step, loss and accuracies. The expected strings
/// were recorded on the code before the experiment framework was generalized (issue 9), once per SIMD path (the GEMM
/// and tanh kernels sum in a path-dependent order, so the bits differ between paths but not between runs). Re-recorded
/// once since, for defaults-mod3 on the vector paths (issue 12: a GEMM's last column panel of at most half a vector is
/// computed as dot products along k, or as the transposed product when A is transposed, which sums its 2 columns in
/// another order; phase, crossing steps and accuracies unchanged).
/// </summary>
/// <remarks>
/// If a deliberate change to a kernel's summation order changes these bits, re-record them (run this class with
/// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0, DOTNET_EnableHWIntrinsic=0 and unmodified; the failure message
/// prints the actual fingerprint) and say so in the commit.
/// </remarks>
public sealed class ReproductionPinTests
{
    public static TheoryData<string> Cells => new(CellSettings.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, Func<TrainingRunSettings>> CellSettings = new(StringComparer.Ordinal)
    {
        ["defaults-mod3"] = () => new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Seed = 1,
            Criteria = new PhaseCriteria { Budget = 800 },
        },
        ["fast-decoder-memorizes"] = () => new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Seed = 2,
            Optimizer = new OptimizerSettings { EncoderLearningRate = 1e-5, DecoderLearningRate = 1e-2 },
            Criteria = new PhaseCriteria { Budget = 1_500 },
            EvaluationInterval = 50,
            Model = new AutoencoderConfig { DecoderWidth = 20 },
        },
        ["minibatch-greater-adamw"] = () => new TrainingRunSettings(RelationGenerators.LessThan(20))
        {
            Seed = 7,
            BatchSize = 64,
            Optimizer = new OptimizerSettings { DecoderWeightDecay = 1e-2, EncoderLearningRate = 3e-3 },
            Criteria = new PhaseCriteria { Budget = 300 },
            StopWhenCertain = false,
            Model = new AutoencoderConfig { DecoderWidth = 10 },
        },
        ["proximity-head-adam"] = () => new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Seed = 3,
            TrainingFraction = 0.5,
            Optimizer = new OptimizerSettings { Kind = OptimizerKind.Adam, EncoderWeightDecay = 1e-3, EncoderLearningRate = 1e-2 },
            Criteria = new PhaseCriteria { Budget = 400 },
            EvaluationInterval = 20,
            Model = new AutoencoderConfig { Combine = CombineMode.SquaredDifference, DecoderDepth = 0, Head = OutputHead.ProximityRelu },
        },
        ["relu-difference-bipartite"] = () => new TrainingRunSettings(RelationGenerators.CompleteBipartite(16, 8))
        {
            Seed = 11,
            Criteria = new PhaseCriteria { Budget = 200 },
            StopWhenCertain = false,
            Model = new AutoencoderConfig
            {
                DecoderWidth = 12, Activation = Activation.Relu, Combine = CombineMode.Difference, EmbeddingInitScale = 0.5, DecoderInitScale = 2,
            },
        },
        ["divergence"] = () => new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Optimizer = new OptimizerSettings { EncoderLearningRate = 1e37, DecoderLearningRate = 1e37 },
            Criteria = new PhaseCriteria { Budget = 100 },
            Model = new AutoencoderConfig { DecoderWidth = 8 },
        },
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Expected = new(StringComparer.Ordinal)
    {
        ["V512+FMA+AVX"] = new(StringComparer.Ordinal)
        {
            ["defaults-mod3"] = "Generalization|240|280|-|280|29|3FB667E1E0000000|3FEF5617839A5BC8|3FED27D27D27D27D|3FEECA8641FDB975|349EF5305199356E",
            ["divergence"] = "Divergence|-|-|1|1|2|FFF8000000000000|3FD6480F2B9D6481|3FD30ECA8641FDB9|3FD579BE02468ACF|37DBDF956F4BD725",
            ["fast-decoder-memorizes"] = "Memorization|400|-|-|1500|31|3F80467720000000|3FF0000000000000|3FE258BF258BF259|3FEC962FC962FC96|2FAC3A154508704A",
            ["minibatch-greater-adamw"] = "Memorization|230|-|-|300|31|3FC0B0CD80000000|3FEF0A3D70A3D70A|3FECCCCCCCCCCCCD|3FEE7AE147AE147B|CEC81FF94325FAED",
            ["proximity-head-adam"] = "Confusion|-|-|-|400|21|3FE1DEB2E0000000|3FE79BE02468ACF1|3FE530ECA8641FDC|3FE6666666666666|EC909458AEDC02D9",
            ["relu-difference-bipartite"] = "Confusion|-|-|-|200|21|3FE3F12580000000|3FE7800000000000|3FE3800000000000|3FE6800000000000|31989696B32237A5",
        },
        ["V256+FMA+AVX"] = new(StringComparer.Ordinal)
        {
            ["defaults-mod3"] = "Generalization|240|280|-|280|29|3FB6686200000000|3FEF5617839A5BC8|3FED27D27D27D27D|3FEECA8641FDB975|42B553A7DAAD3EA7",
            ["divergence"] = "Divergence|-|-|1|1|2|FFF8000000000000|3FE31AED6A9264E2|3FE654320FEDCBAA|3FE3E93E93E93E94|FF86A40401F64737",
            ["fast-decoder-memorizes"] = "Memorization|400|-|-|1500|31|3F99BC57C0000000|3FEFB72EA61D950D|3FE20FEDCBA98765|3FEC4D5E6F8091A3|56AB0D2465EBE1DC",
            ["minibatch-greater-adamw"] = "Memorization|230|-|-|300|31|3FC0B0CD80000000|3FEF0A3D70A3D70A|3FECCCCCCCCCCCCD|3FEE7AE147AE147B|3178DFEA764383CD",
            ["proximity-head-adam"] = "Confusion|-|-|-|400|21|3FE1DEB2E0000000|3FE79BE02468ACF1|3FE530ECA8641FDC|3FE6666666666666|585C086CAC2A7D02",
            ["relu-difference-bipartite"] = "Confusion|-|-|-|200|21|3FE3F12580000000|3FE7800000000000|3FE3800000000000|3FE6800000000000|C38C750A53E8C2E5",
        },
        ["V128+AVX"] = new(StringComparer.Ordinal)
        {
            ["defaults-mod3"] = "Generalization|240|280|-|280|29|3FB6677720000000|3FEF5617839A5BC8|3FED27D27D27D27D|3FEECA8641FDB975|FB26675D3139E1BA",
            ["divergence"] = "Divergence|-|-|1|1|2|FFF8000000000000|3FE5006117228339|3FE654320FEDCBAA|3FE5555555555555|F04FBF11BA707299",
            ["fast-decoder-memorizes"] = "Memorization|450|-|-|1500|31|3F884385A0000000|3FF0000000000000|3FE07F6E5D4C3B2A|3FEC1FDB97530ECB|F8ECCA20E0612924",
            ["minibatch-greater-adamw"] = "Memorization|230|-|-|300|31|3FC0B0CD60000000|3FEF0A3D70A3D70A|3FECCCCCCCCCCCCD|3FEE7AE147AE147B|A9A3082C8765238E",
            ["proximity-head-adam"] = "Confusion|-|-|-|400|21|3FE1DEB2E0000000|3FE79BE02468ACF1|3FE530ECA8641FDC|3FE6666666666666|585C086CAC2A7D02",
            ["relu-difference-bipartite"] = "Confusion|-|-|-|200|21|3FE3F1DA60000000|3FE7800000000000|3FE3800000000000|3FE6800000000000|7D22A3A2E4366B55",
        },
        ["V128"] = new(StringComparer.Ordinal)
        {
            ["defaults-mod3"] = "Generalization|240|280|-|280|29|3FB6677720000000|3FEF5617839A5BC8|3FED27D27D27D27D|3FEECA8641FDB975|FB26675D3139E1BA",
            ["divergence"] = "Divergence|-|-|1|1|2|FFF8000000000000|3FE5006117228339|3FE654320FEDCBAA|3FE5555555555555|F04FBF11BA707299",
            ["fast-decoder-memorizes"] = "Memorization|450|-|-|1500|31|3F884385A0000000|3FF0000000000000|3FE07F6E5D4C3B2A|3FEC1FDB97530ECB|F8ECCA20E0612924",
            ["minibatch-greater-adamw"] = "Memorization|230|-|-|300|31|3FC0B0CD60000000|3FEF0A3D70A3D70A|3FECCCCCCCCCCCCD|3FEE7AE147AE147B|A9A3082C8765238E",
            ["proximity-head-adam"] = "Confusion|-|-|-|400|21|3FE1DEB2E0000000|3FE79BE02468ACF1|3FE530ECA8641FDC|3FE6666666666666|585C086CAC2A7D02",
            ["relu-difference-bipartite"] = "Confusion|-|-|-|200|21|3FE3F1DA60000000|3FE7800000000000|3FE3800000000000|3FE6800000000000|7D22A3A2E4366B55",
        },
        ["Scalar"] = new(StringComparer.Ordinal)
        {
            ["defaults-mod3"] = "Generalization|240|280|-|280|29|3FB66960C0000000|3FEF5617839A5BC8|3FED27D27D27D27D|3FEECA8641FDB975|61ADA2C8912BBE95",
            ["divergence"] = "Divergence|-|-|1|1|2|FFF8000000000000|3FE5006117228339|3FE654320FEDCBAA|3FE5555555555555|F04FBF11BA707299",
            ["fast-decoder-memorizes"] = "Memorization|450|-|-|1500|31|3F7B4C2120000000|3FF0000000000000|3FE20FEDCBA98765|3FEC83FB72EA61D9|CBC4576AEFDEF056",
            ["minibatch-greater-adamw"] = "Memorization|230|-|-|300|31|3FC0B0CD60000000|3FEF0A3D70A3D70A|3FECCCCCCCCCCCCD|3FEE7AE147AE147B|66E727B3866CC8BD",
            ["proximity-head-adam"] = "Confusion|-|-|-|400|21|3FE1DEB2C0000000|3FE79BE02468ACF1|3FE530ECA8641FDC|3FE6666666666666|2421125778A32322",
            ["relu-difference-bipartite"] = "Confusion|-|-|-|200|21|3FE3F12580000000|3FE7800000000000|3FE3800000000000|3FE6800000000000|1E31114F7720B052",
        },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void TrainingRunMatchesTheRecordedBits(string cell)
    {
        var result = TrainingRun.Execute(CellSettings[cell](), null, TestContext.Current.CancellationToken);
        string actual = Fingerprint(result);
        string path = SimdPath();
        string? expected = Expected.TryGetValue(path, out var byCell) && byCell.TryGetValue(cell, out string? e) ? e : null;
        Assert.True(expected is not null, $"No recorded fingerprint for {path}/{cell}; actual: {actual}");
        Assert.True(expected == actual, $"{path}/{cell}: expected {expected}, actual {actual}");
    }

    /// <summary>The SIMD configuration the kernels run on here.</summary>
    internal static string SimdPath()
    {
        string width = Vector512.IsHardwareAccelerated ? "V512" : Vector256.IsHardwareAccelerated ? "V256" : Vector128.IsHardwareAccelerated ? "V128" : "Scalar";
        return width + (Fma.IsSupported ? "+FMA" : "") + (Avx.IsSupported ? "+AVX" : "");
    }

    private static string Fingerprint(TrainingRunResult r)
    {
        ulong digest = 0xCBF29CE484222325UL;
        foreach (var p in r.Curve)
        {
            foreach (ulong word in new[] { (ulong)p.Step, Bits(p.Loss), Bits(p.TrainAccuracy), Bits(p.TestAccuracy), Bits(p.AllAccuracy) })
            {
                for (int b = 0; b < 64; b += 8)
                {
                    digest = (digest ^ ((word >> b) & 0xFF)) * 0x100000001B3UL;
                }
            }
        }

        return string.Join(
            "|",
            r.Outcome.Phase,
            Text(r.Outcome.TrainReachedStep),
            Text(r.Outcome.TestReachedStep),
            Text(r.Outcome.DivergedStep),
            r.StepsRun.ToString(CultureInfo.InvariantCulture),
            r.Curve.Count.ToString(CultureInfo.InvariantCulture),
            Hex(r.Final.Loss),
            Hex(r.Final.TrainAccuracy),
            Hex(r.Final.TestAccuracy),
            Hex(r.Final.AllAccuracy),
            digest.ToString("X16", CultureInfo.InvariantCulture));

        static ulong Bits(double v) => (ulong)BitConverter.DoubleToInt64Bits(v);
        static string Hex(double v) => Bits(v).ToString("X16", CultureInfo.InvariantCulture);
        static string Text(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
    }
}
