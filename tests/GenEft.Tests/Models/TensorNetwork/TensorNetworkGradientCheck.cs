using GenEft.Models.TensorNetwork;
using Xunit;

namespace GenEft.Tests.Models.TensorNetwork;

/// <summary>Central finite differences of the mean loss against every analytic gradient of a model.</summary>
internal static class TensorNetworkGradientCheck
{
    /// <summary>Asserts |fd - analytic| &lt;= 1e-7 max(1e-2, |fd|) for every parameter entry (h = 1e-5).</summary>
    /// <returns>How many entries had a non-zero finite difference.</returns>
    public static int AssertMatchesFiniteDifferences(TensorNetworkAttention<double> model, byte[] x, byte[] y, int count)
    {
        model.ComputeGradients(x, y, count);
        int nonZero = 0;
        foreach (var parameter in model.Parameters())
        {
            var analytic = parameter.Grad.ReadOnlySpan.ToArray();
            var v = parameter.Value.Span;
            for (int k = 0; k < v.Length; k++)
            {
                double keep = v[k], h = 1e-5;
                v[k] = keep + h;
                double up = model.Evaluate(x, y, count).Loss;
                v[k] = keep - h;
                double down = model.Evaluate(x, y, count).Loss;
                v[k] = keep;
                double fd = (up - down) / (2 * h);
                Assert.True(Math.Abs(fd - analytic[k]) <= 1e-7 * Math.Max(1e-2, Math.Abs(fd)), $"{parameter.Name}[{k}]: fd {fd}, analytic {analytic[k]}");
                nonZero += fd != 0 ? 1 : 0;
            }
        }

        return nonZero;
    }
}
