// A model written outside the library, trained by GenEft's loop, swept, classified and fitted: logistic regression
// on two Gaussian classes in d dimensions (x ~ N(0, I) shifted by ±ε = ±2 along the first axis), N training points,
// 1000 test points, full-batch gradient descent. The first step from w ≈ 0 points w along Σ y_i x_i, whose test
// accuracy is Φ(ε² √N / √(N ε² + d)); it exceeds 0.9 = Φ(1.2816) while d < N (ε⁴ / 1.2816² - ε²) = 5.74 N, beyond
// that the run fits its training set but never generalizes (memorization). Output folder: first argument.
using GenEft.Autodiff;
using GenEft.Experiments;
using GenEft.Models;
using GenEft.Nn;
using GenEft.Tensors;

string output = args.Length > 0 ? args[0] : "user-model-out";
Directory.CreateDirectory(output);
var grid = new SweepGrid(
    [new SweepAxis("train_points", [16, 32, 64, 128, 256]), new SweepAxis("dimension", Enumerable.Range(3, 10).Select(k => Math.Pow(2, k)))],
    baseSeed: 1);
var rows = SweepRunner.Run(grid, (cell, token) => Train(cell, token).ToSweepValues(), new SweepOptions(Path.Combine(output, "sweep.jsonl")));
SweepResults.WriteCsv(rows, Path.Combine(output, "sweep.csv"));
var cells = PhaseDiagram.FromRows(rows, "train_points", "dimension");
Console.WriteLine("rows: dimension d (largest first); columns: training points N (16 ... 256)");
Console.Write(PhaseDiagram.Render(cells));
Console.WriteLine(PhaseDiagram.FitBoundary(cells).Describe("N", "d"));
Console.WriteLine(PhaseDiagram.FitSeparatingLine(cells).Describe("N", "d", 64));

static TrainingResult Train(SweepCell cell, CancellationToken token)
{
    int n = (int)cell["train_points"], d = (int)cell["dimension"];
    var random = new Random(cell.RandomSeed());
    var features = Initializers.Normal<float>(random, 1.0, n + 1000, d);
    var labels = new int[n + 1000];
    for (int i = 0; i < labels.Length; i++)
    {
        labels[i] = i % 2;
        features.Span[i * d] += labels[i] == 1 ? 2f : -2f;
    }

    var data = new SupervisedDataset<float>(features, labels);
    var split = new SupervisedSplit<float>(data.Subset([.. Enumerable.Range(0, n)]), data.Subset([.. Enumerable.Range(n, 1000)]));
    var settings = new TrainingLoopSettings { Criteria = new PhaseCriteria { Budget = 2_000 }, EvaluationInterval = TrainingInterval.Steps(20) };
    return TrainingLoop.Run(new LogisticRegression(d, random), new OptimizerConfig { Kind = OptimizerKind.Sgd, LearningRate = 0.5 }.Create, TrainingData.FromSplit(split), settings, null, token);
}

/// <summary>P(y = 1 | x) = σ(w·x + b), mean binary cross-entropy, correct when the logit's sign matches the label.</summary>
internal sealed class LogisticRegression : Module<float>, ISupervisedModel<float, SupervisedBatch<float>>
{
    private readonly Linear<float> _linear;
    private readonly Tape<float> _training = new(), _inference = Tape<float>.ForInference();
    private readonly Dictionary<int, DenseTensor<float>> _targets = [];

    public LogisticRegression(int dimension, Random random)
    {
        _linear = RegisterModule("linear", new Linear<float>(Initializers.Normal<float>(random, 0.01, 1, dimension), DenseTensor<float>.Zeros(1)));
        ParameterGroups = [new ModelParameterGroup<float>("all", Parameters())];
    }

    public IReadOnlyList<ModelParameterGroup<float>> ParameterGroups { get; }

    public BatchEvaluation ComputeGradients(SupervisedBatch<float> batch)
    {
        var (loss, result) = Forward(_training, batch);
        ZeroGrad();
        _training.Backward(loss);
        return result;
    }

    public BatchEvaluation Evaluate(SupervisedBatch<float> batch) => Forward(_inference, batch).Result;

    private (Var<float> Loss, BatchEvaluation Result) Forward(Tape<float> tape, SupervisedBatch<float> batch)
    {
        if (!_targets.TryGetValue(batch.Count, out var targets))
        {
            _targets[batch.Count] = targets = DenseTensor<float>.Zeros(batch.Count, 1);
        }

        var labels = batch.Labels.Span;
        for (int i = 0; i < labels.Length; i++)
        {
            targets.Span[i] = labels[i];
        }

        tape.Reset();
        var logits = _linear.Forward(tape.Constant(batch.Features!));
        var loss = Ops.BinaryCrossEntropyWithLogits(logits, targets);
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            correct += (logits.Value.ReadOnlySpan[i] > 0) == (labels[i] == 1) ? 1 : 0;
        }

        return (loss, new BatchEvaluation(loss.Value.ReadOnlySpan[0], correct, labels.Length));
    }
}
