using Xunit;
using System.Numerics;
using System.Text.Json;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Tests.Nn;

/// <summary>The values written by benchmarks/reference/autodiff/make_mlp_reference.py (PyTorch, float64).</summary>
internal sealed class TorchReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Nn", "mlp_reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static int[] Ints(string name) => Root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>The reference network with the reference's initial weights.</summary>
    public static PairNet<T> Network<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var net = new PairNet<T>(7, 3, 8, 2, new Random(0));
        var stored = Root.GetProperty("parameters");
        foreach (var (name, p) in net.NamedParameters())
        {
            var values = Doubles(stored.GetProperty(name).GetProperty("values"));
            Assert.Equal(values.Length, p.Value.Length);
            for (int i = 0; i < values.Length; i++)
            {
                p.Value[i] = T.CreateChecked(values[i]);
            }
        }

        return net;
    }

    public static DenseTensor<T> Targets<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Doubles(Root.GetProperty("targets"));
        return DenseTensor<T>.FromSpan(t.Select(T.CreateChecked).ToArray(), t.Length, 1);
    }
}
