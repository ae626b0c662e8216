using GenEft.Analysis;
using GenEft.Experiments;
using GenEft.Models;

namespace GenEft.Models.TensorNetwork;

/// <summary>The regulariser of a scenario-A run.</summary>
public enum TensorNetworkRegularizer
{
    /// <summary>No penalty.</summary>
    None = 0,

    /// <summary>Adam's coupled weight decay: wd·p added to every gradient (torch.optim.Adam(weight_decay = wd)).</summary>
    L2 = 1,

    /// <summary>An L1 penalty lambda1 Σ|p| over every parameter: lambda1 sign(p) added to every gradient.</summary>
    L1 = 2,
}

/// <summary>
/// The settings of one scenario-A run (Žunkovič and Ilievski, Section 4: everything trained). Defaults are the
/// authors' run: d = 10, rule 30 (1-local, zero padded), all 1024 sequences of length 10, batches of 128 cropped to
/// lengths 6..10 with recomputed labels, Adam lr 5e-3, the normalised sigmoid head with MSE loss, at most 7000
/// epochs, stop 400 epochs after the test error first reaches 0, test on 1000 random sequences of length 1000.
/// </summary>
public sealed record TensorNetworkScenarioASettings
{
    /// <summary>The bond dimension d &gt;= 1 (the paper: 10, 20, 40; 3 for the pictures).</summary>
    public int BondDimension { get; init => field = Positive(value, nameof(BondDimension)); } = 10;

    /// <summary>The regulariser.</summary>
    public TensorNetworkRegularizer Regularizer { get; init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Regularizer), value, "Not a defined regulariser."); }

    /// <summary>The weight decay of <see cref="TensorNetworkRegularizer.L2"/> (the paper: 1e-4), &gt; 0.</summary>
    public double WeightDecay { get; init => field = PositiveFinite(value, nameof(WeightDecay)); } = 1e-4;

    /// <summary>The coefficient lambda1 of <see cref="TensorNetworkRegularizer.L1"/> (the paper: 1e-3), &gt; 0.</summary>
    public double L1 { get; init => field = PositiveFinite(value, nameof(L1)); } = 1e-3;

    /// <summary>Adam's learning rate (the paper: 5e-3), &gt; 0.</summary>
    public double LearningRate { get; init => field = PositiveFinite(value, nameof(LearningRate)); } = 5e-3;

    /// <summary>The teacher: an elementary-automaton rule number 0..255, applied <see cref="Steps"/> times.</summary>
    public int RuleNumber { get; init => field = value is >= 0 and <= 255 ? value : throw new ArgumentOutOfRangeException(nameof(RuleNumber), value, "An elementary rule number is in 0..255."); } = 30;

    /// <summary>K &gt;= 1: the teacher is the K-local rule f^K.</summary>
    public int Steps { get; init => field = Positive(value, nameof(Steps)); } = 1;

    /// <summary>The teacher's boundary (the model's contexts always start from its boundary vectors).</summary>
    public SequenceBoundary Boundary { get; init; } = SequenceBoundary.Open;

    /// <summary>The length of the training sequences (all 2^length are used), 1..20.</summary>
    public int TrainLength { get; init => field = value is >= 1 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(TrainLength), value, "TrainLength must be in 1..20 (all 2^length sequences are used)."); } = 10;

    /// <summary>Sequences per batch, &gt;= 1.</summary>
    public int BatchSize { get; init => field = Positive(value, nameof(BatchSize)); } = 128;

    /// <summary>The shortest crop, 1..TrainLength.</summary>
    public int MinCrop { get; init => field = Positive(value, nameof(MinCrop)); } = 6;

    /// <summary>The longest crop, MinCrop..TrainLength.</summary>
    public int MaxCrop { get; init => field = Positive(value, nameof(MaxCrop)); } = 10;

    /// <summary>The epoch budget, &gt;= 1.</summary>
    public int MaxEpochs { get; init => field = Positive(value, nameof(MaxEpochs)); } = 7000;

    /// <summary>Epochs trained after the test error first reaches 0 before stopping, &gt;= 0.</summary>
    public int EpochsAfterGrokking { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(EpochsAfterGrokking), value, "Must be non-negative."); } = 400;

    /// <summary>Evaluate the train and test sets and D_eff every this many epochs, &gt;= 1 (the authors: every epoch).</summary>
    public int EvaluationInterval { get; init => field = Positive(value, nameof(EvaluationInterval)); } = 1;

    /// <summary>Random test sequences evaluated during training, &gt;= 1.</summary>
    public int TestCount { get; init => field = Positive(value, nameof(TestCount)); } = 1000;

    /// <summary>
    /// Random sequences (of <see cref="TestLength"/>, drawn independently of the tracking test set) on which the
    /// final model's error is measured once after training, &gt;= 0 (0: none). Lets a run track a small test set
    /// cheaply and still check the final model on the paper's 1000 x 1000.
    /// </summary>
    public int FinalTestCount { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(FinalTestCount), value, "Must be non-negative."); }

    /// <summary>The length of the test sequences, &gt;= 1.</summary>
    public int TestLength { get; init => field = Positive(value, nameof(TestLength)); } = 1000;

    /// <summary>The half-width w of the D_eff window (see <see cref="TensorNetworkTrainingModel{T}"/>), &gt;= 1.</summary>
    public int ContextHalfWidth { get; init => field = Positive(value, nameof(ContextHalfWidth)); } = 3;

    /// <summary>The model's boundary vectors and head.</summary>
    public TensorNetworkAttentionOptions Model { get; init => field = value ?? throw new ArgumentNullException(nameof(Model)); } = new();

    /// <summary>The spike criterion applied to the per-epoch mean batch loss against t = epoch x lr.</summary>
    public LossSpikeCriterion SpikeCriterion { get; init => field = value ?? throw new ArgumentNullException(nameof(SpikeCriterion)); } = new(Window: 10, Factor: 2, MaxDuration: 10, MinIncrease: 1e-3);

    /// <summary>The seed: the model's initial weights, the batches and the test set are drawn from streams derived from it.</summary>
    public ulong Seed { get; init; }

    private static int Positive(int value, string name) => value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    private static double PositiveFinite(double value, string name)
        => double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
}

/// <summary>The record of one scenario-A run.</summary>
/// <param name="Settings">The settings.</param>
/// <param name="Training">The training loop's result: the learning curve every <see cref="TensorNetworkScenarioASettings.EvaluationInterval"/> epochs (time t = epoch x lr; metric "deff_left"), the phase outcome and the stop reason.</param>
/// <param name="EpochLosses">The mean batch loss of every epoch (the data loss, without the L1 penalty), in order.</param>
/// <param name="Spikes">The loss spikes of <paramref name="EpochLosses"/> (times t = epoch x lr).</param>
/// <param name="Model">The trained model (its A, B and scale after the last step).</param>
/// <param name="FinalTestError">The final model's error (wrong positions / positions) on the final test set, or NaN when <see cref="TensorNetworkScenarioASettings.FinalTestCount"/> is 0.</param>
public sealed record TensorNetworkScenarioARun(
    TensorNetworkScenarioASettings Settings,
    TrainingResult Training,
    IReadOnlyList<double> EpochLosses,
    IReadOnlyList<LossSpike> Spikes,
    TensorNetworkAttention<float> Model,
    double FinalTestError)
{
    /// <summary>The first time (epoch x lr) the training error was 0 at an evaluation, or null.</summary>
    public double? TrainZeroTime => Training.Outcome.TrainReachedTime;

    /// <summary>The first time (epoch x lr) every test position was right at an evaluation, or null.</summary>
    public double? TestZeroTime => Training.Outcome.TestReachedTime;

    /// <summary>t_G = TestZeroTime - TrainZeroTime, or null when either was not reached.</summary>
    public double? GrokkingTime => Training.Outcome.GrokkingTime;
}

/// <summary>
/// Scenario A of Žunkovič and Ilievski: the tensor-network attention model with A and B trained by Adam on cropped
/// batches of a local rule, tracked during training (train and test error, loss, D_eff of the left contexts, loss
/// spikes), through the model-agnostic <see cref="TrainingLoop"/>.
/// </summary>
public static class TensorNetworkScenarioA
{
    /// <summary>Test sequences per evaluation batch (bounds the model's buffers: 50 x 1000 positions x d values).</summary>
    public const int TestChunk = 50;

    /// <summary>Runs one scenario-A training run in single precision (the authors' float32).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="progress">Receives every learning-curve point as it is computed.</param>
    /// <param name="cancellationToken">Cancels between steps.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The crop lengths do not fit the training length, or the batch is larger than the training set.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (the points reported so far are complete).</exception>
    public static TensorNetworkScenarioARun Run(TensorNetworkScenarioASettings settings, IProgress<LearningCurvePoint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MinCrop > settings.TrainLength || settings.MaxCrop > settings.TrainLength || settings.MaxCrop < settings.MinCrop)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), $"Crops {settings.MinCrop}..{settings.MaxCrop} must satisfy 1 <= MinCrop <= MaxCrop <= TrainLength = {settings.TrainLength}.");
        }

        if (settings.BatchSize > 1 << settings.TrainLength)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.BatchSize, $"BatchSize must be at most the 2^{settings.TrainLength} training sequences.");
        }

        var teacher = new LocalRule(settings.RuleNumber, settings.Steps, settings.Boundary);
        var train = BinarySequenceSet.All(settings.TrainLength, teacher);
        var test = BinarySequenceSet.Random(settings.TestCount, settings.TestLength, teacher, SeedMixer.Mix(settings.Seed, "test"));
        var testChunks = Chunks(test);

        var attention = InitialModel(settings);
        var model = new TensorNetworkTrainingModel<float>(attention, train, settings.ContextHalfWidth);
        var batches = new CroppedSequenceBatches(train, teacher, settings.BatchSize, settings.MinCrop, settings.MaxCrop, SeedMixer.Mix(settings.Seed, "batches"));
        var optimizer = new OptimizerConfig
        {
            Kind = OptimizerKind.Adam,
            LearningRate = settings.LearningRate,
            WeightDecay = settings.Regularizer == TensorNetworkRegularizer.L2 ? settings.WeightDecay : 0,
            L1 = settings.Regularizer == TensorNetworkRegularizer.L1 ? settings.L1 : 0,
        };
        int perEpoch = batches.BatchesPerEpoch;
        var loop = new TrainingLoopSettings
        {
            Criteria = PhaseCriteria.ZeroErrorGrokking with { Budget = (long)settings.MaxEpochs * perEpoch },
            EvaluationInterval = TrainingInterval.Epochs(settings.EvaluationInterval),
            TimeUnit = TimeUnit.EpochsTimesLearningRate,
            StopWhenCertain = false,
            StopAfterTestReached = TrainingInterval.Epochs(settings.EpochsAfterGrokking),
        };
        var result = TrainingLoop.Run(model, optimizer.Create<float>, new TrainingData<BinarySequenceSet>(batches, [train], testChunks), loop, progress, cancellationToken);
        var losses = model.BatchLosses;
        int epochs = losses.Count / perEpoch;
        var epochLoss = new double[epochs];
        var times = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            double sum = 0;
            for (int b = 0; b < perEpoch; b++)
            {
                sum += losses[(e * perEpoch) + b];
            }

            epochLoss[e] = sum / perEpoch;
            times[e] = (e + 1) * settings.LearningRate;
        }

        var spikes = epochs > 0 && epochLoss.All(double.IsFinite) ? LossSpikeDetector.Detect(times, epochLoss, settings.SpikeCriterion) : [];
        double finalError = double.NaN;
        if (settings.FinalTestCount > 0)
        {
            long wrong = 0, count = 0;
            foreach (var chunk in Chunks(BinarySequenceSet.Random(settings.FinalTestCount, settings.TestLength, teacher, SeedMixer.Mix(settings.Seed, "final test"))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var e = model.Evaluate(chunk);
                wrong += e.Count - e.Correct;
                count += e.Count;
            }

            finalError = (double)wrong / count;
        }

        return new TensorNetworkScenarioARun(settings, result, epochLoss, spikes, attention, finalError);
    }

    /// <summary>The model a run with these settings starts from (the same weights on every call).</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>A new model with the initial A, B (entries iid N(0, 1)) and scale 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static TensorNetworkAttention<float> InitialModel(TensorNetworkScenarioASettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TensorNetworkAttention<float>(settings.BondDimension, settings.Model, SeedMixer.Mix(settings.Seed, "model"));
    }

    private static List<BinarySequenceSet> Chunks(BinarySequenceSet set)
    {
        var chunks = new List<BinarySequenceSet>();
        for (int start = 0; start < set.Count; start += TestChunk)
        {
            chunks.Add(set.Select(Enumerable.Range(start, Math.Min(TestChunk, set.Count - start)).ToArray()));
        }

        return chunks;
    }
}
