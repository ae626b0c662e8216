using System.Numerics;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
using Xunit;

namespace GenEft.Tests.Nn;

/// <summary>Loss, gradients and optimizer trajectories against PyTorch (values checked in with the script that made them).</summary>
public sealed class TorchMatchTests
{
    private static (double Loss, Dictionary<string, double[]> Grads) LossAndGradients<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var net = TorchReference.Network<T>();
        var tape = new Tape<T>();
        var loss = net.Loss(tape, TorchReference.Ints("left"), TorchReference.Ints("right"), TorchReference.Targets<T>());
        tape.Backward(loss);
        return (double.CreateChecked(loss.Value[0]), net.NamedParameters().ToDictionary(p => p.Key, p => ToDoubles(p.Value.Grad)));
    }

    private static double[] ToDoubles<T>(DenseTensor<T> t)
        where T : unmanaged, IFloatingPointIeee754<T>
        => t.ReadOnlySpan.ToArray().Select(double.CreateChecked).ToArray();

    /// <summary>max |actual - expected| relative to the largest |expected| of the tensor.</summary>
    private static double RelativeError(double[] actual, double[] expected)
    {
        double scale = expected.Max(Math.Abs);
        return actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max() / scale;
    }

    [Theory]
    [InlineData(typeof(double), 1e-12)]
    [InlineData(typeof(float), 1e-5)]
    public void Mlp_loss_and_gradients_match_pytorch(Type elementType, double tolerance)
    {
        var (loss, grads) = elementType == typeof(double) ? LossAndGradients<double>() : LossAndGradients<float>();
        double expectedLoss = TorchReference.Root.GetProperty("loss").GetDouble();
        Assert.True(Math.Abs(loss - expectedLoss) <= tolerance * expectedLoss, $"loss {loss} vs PyTorch {expectedLoss}");
        var expected = TorchReference.Root.GetProperty("gradients");
        Assert.Equal(7, grads.Count);
        foreach (var (name, g) in grads)
        {
            double error = RelativeError(g, TorchReference.Doubles(expected.GetProperty(name)));
            Assert.True(error <= tolerance, $"{name}: relative error {error:E2} > {tolerance:E0}");
        }
    }

    public static TheoryData<string> Trajectories => ["adam", "adam_l1", "adamw", "sgd_nesterov", "sgd_momentum_dampening"];

    [Theory]
    [MemberData(nameof(Trajectories))]
    public void Optimizer_trajectory_matches_pytorch(string name)
    {
        var reference = TorchReference.Root.GetProperty("trajectories").GetProperty(name);
        var net = TorchReference.Network<double>();
        var embedding = net.Embedding.Parameters();
        var decoder = net.Mlp.Parameters();
        double l1 = reference.GetProperty("decoder_l1").GetDouble();
        Optimizer<double> optimizer = name switch
        {
            "adam" => new Adam<double>([new(embedding, 0.05), new(decoder, 0.01, weightDecay: 0.1)]),
            "adam_l1" => new Adam<double>([new(embedding, 0.05), new(decoder, 0.01, l1: l1)]),
            "adamw" => new AdamW<double>([new(embedding, 0.05), new(decoder, 0.01, weightDecay: 0.1)], beta1: 0.8, beta2: 0.99, epsilon: 1e-6),
            "sgd_nesterov" => new Sgd<double>([new(embedding, 0.05), new(decoder, 0.01, weightDecay: 0.01)], momentum: 0.9, nesterov: true),
            _ => new Sgd<double>([new(embedding, 0.05), new(decoder, 0.01)], momentum: 0.5, dampening: 0.25),
        };
        var left = TorchReference.Ints("left");
        var right = TorchReference.Ints("right");
        var targets = TorchReference.Targets<double>();
        var tape = new Tape<double>();
        var losses = TorchReference.Doubles(reference.GetProperty("losses"));
        for (int step = 0; step < reference.GetProperty("steps").GetInt32(); step++)
        {
            tape.Reset();
            optimizer.ZeroGrad();
            var loss = net.Loss(tape, left, right, targets);
            Assert.Equal(losses[step], loss.Value[0], 1e-12);
            tape.Backward(loss);
            optimizer.Step();
        }

        var expected = reference.GetProperty("parameters");
        foreach (var (pname, p) in net.NamedParameters())
        {
            double error = RelativeError(ToDoubles(p.Value), TorchReference.Doubles(expected.GetProperty(pname)));
            Assert.True(error <= 1e-10, $"{name} {pname}: relative error {error:E2}");
        }
    }
}
