using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;

namespace GenEft.Benchmarks.Training;

/// <summary>
/// The GenEFT default autoencoder shape (GenEFT Table 3): n = 30 symbols embedded in d = 2, the concatenated
/// pair (4 inputs) through 3 tanh hidden layers of width 50 to one logit, BCE with logits, on 675 training
/// pairs (fraction 0.75 of the 900 pairs), trained full-batch with Adam (separate encoder and decoder groups).
/// Mirrors benchmarks/reference/autodiff/train_step_torch.py.
/// </summary>
internal sealed class AutoencoderStep
{
    public const int Symbols = 30;
    public const int Dimension = 2;
    public const int Width = 50;
    public const int Depth = 3;
    public const int TrainingPairs = 675;

    private readonly Embedding<float> _embedding;
    private readonly Mlp<float> _decoder;
    private readonly Adam<float> _adam;
    private readonly int[] _left = new int[TrainingPairs];
    private readonly int[] _right = new int[TrainingPairs];
    private readonly DenseTensor<float> _targets = DenseTensor<float>.Zeros(TrainingPairs, 1);

    public AutoencoderStep(int seed)
    {
        var random = new Random(seed);
        _embedding = new Embedding<float>(Symbols, Dimension, EmbeddingInit.Normal, 1.0, random);
        _decoder = new Mlp<float>(2 * Dimension, Width, Depth, 1, Activation.Tanh, random);
        _adam = new Adam<float>([new(_embedding.Parameters(), 1e-3), new(_decoder.Parameters(), 1e-3)]);

        // A random 75% of all ordered pairs; the target is a relation on the pair ((a + b) mod n is even).
        var pairs = Enumerable.Range(0, Symbols * Symbols).OrderBy(_ => random.Next()).Take(TrainingPairs).ToArray();
        for (int i = 0; i < TrainingPairs; i++)
        {
            _left[i] = pairs[i] / Symbols;
            _right[i] = pairs[i] % Symbols;
            _targets[i] = (_left[i] + _right[i]) % Symbols % 2 == 0 ? 1f : 0f;
        }
    }

    /// <summary>One full-batch Adam step on <paramref name="tape"/>; returns the loss before the step.</summary>
    public float Step(Tape<float> tape)
    {
        tape.Reset();
        _adam.ZeroGrad();
        var x = Ops.Concat(_embedding.Forward(tape, _left), _embedding.Forward(tape, _right));
        var loss = Ops.BinaryCrossEntropyWithLogits(_decoder.Forward(x), _targets);
        tape.Backward(loss);
        _adam.Step();
        return loss.Value[0];
    }
}
