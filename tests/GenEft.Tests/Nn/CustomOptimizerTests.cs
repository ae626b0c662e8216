using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>An optimizer written outside the library through Optimizer&lt;T&gt;'s protected extension point.</summary>
public sealed class CustomOptimizerTests
{
    /// <summary>Adagrad (Duchi et al. 2011): G += g², p -= lr g / (√G + ε), with the group's L2 and L1 terms.</summary>
    private sealed class Adagrad : Optimizer<double>
    {
        private readonly DenseTensor<double>[] _sums;
        private readonly double _epsilon;

        public Adagrad(IEnumerable<ParameterGroup<double>> groups, double epsilon)
            : base(groups)
        {
            _epsilon = epsilon;
            _sums = StatePerParameter();
        }

        public int UpdatesSeen { get; private set; }

        protected override void Update(ParameterGroup<double> group, Parameter<double> parameter, int index)
        {
            UpdatesSeen++;
            Span<double> p = parameter.Value.Span, g2 = _sums[index].Span;
            ReadOnlySpan<double> grad = parameter.Grad.ReadOnlySpan;
            for (int i = 0; i < p.Length; i++)
            {
                double g = RegularizedGradient(grad[i], p[i], group.WeightDecay, group.L1);
                g2[i] += g * g;
                p[i] -= group.LearningRate * g / (Math.Sqrt(g2[i]) + _epsilon);
            }
        }
    }

    [Fact]
    public void A_user_defined_optimizer_follows_its_hand_computed_trajectory()
    {
        // f(a, b) = ½ (a - 3)² + ½ (b + 1)², a0 = b0 = 0; a in a group with lr 1, b in a group with lr 0.5 and L1 0.5.
        var a = new Parameter<double>("a", DenseTensor<double>.Zeros(1));
        var b = new Parameter<double>("b", DenseTensor<double>.Zeros(1));
        var optimizer = new Adagrad([new ParameterGroup<double>([a], 1.0), new ParameterGroup<double>([b], 0.5, l1: 0.5)], 0);
        var trajectory = new List<(double A, double B)>();
        for (int step = 0; step < 3; step++)
        {
            optimizer.ZeroGrad();
            a.Grad.Span[0] = a.Value.Span[0] - 3;
            b.Grad.Span[0] = b.Value.Span[0] + 1;
            optimizer.Step();
            trajectory.Add((a.Value.Span[0], b.Value.Span[0]));
        }

        // a: g = -3, G = 9, a = 0 + 3/3 = 1; g = -2, G = 13, a = 1 + 2/√13; g = a - 3, G = 13 + g², a -= g/√G.
        double a2 = 1 + (2 / Math.Sqrt(13));
        double g3 = a2 - 3;
        double a3 = a2 - (g3 / Math.Sqrt(13 + (g3 * g3)));
        // b: sign(0) = 0, so g = 1, G = 1, b = -0.5; then g = 0.5 - 0.5 = 0: G and b stay; every later step the same.
        Assert.Equal(1.0, trajectory[0].A, 15);
        Assert.Equal(a2, trajectory[1].A, 15);
        Assert.Equal(a3, trajectory[2].A, 15);
        Assert.All(trajectory, t => Assert.Equal(-0.5, t.B, 15));
        Assert.Equal(3, optimizer.StepCount);
        Assert.Equal(6, optimizer.UpdatesSeen);
    }
}
