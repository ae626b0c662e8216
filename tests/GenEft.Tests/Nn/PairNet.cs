using System.Numerics;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Tests.Nn;

/// <summary>The network of benchmarks/reference/autodiff/make_mlp_reference.py: embedding, concatenated pair, tanh MLP, BCE with logits.</summary>
internal sealed class PairNet<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public PairNet(int symbols, int dimension, int width, int depth, Random random)
    {
        Embedding = RegisterModule("embedding", new Embedding<T>(symbols, dimension, EmbeddingInit.Normal, 1.0, random));
        Mlp = RegisterModule("mlp", new Mlp<T>(2 * dimension, width, depth, 1, Activation.Tanh, random));
    }

    public Embedding<T> Embedding { get; }

    public Mlp<T> Mlp { get; }

    public Var<T> Loss(Tape<T> tape, int[] left, int[] right, DenseTensor<T> targets)
    {
        var x = Ops.Concat(Embedding.Forward(tape, left), Embedding.Forward(tape, right));
        return Ops.BinaryCrossEntropyWithLogits(Mlp.Forward(x), targets);
    }
}
