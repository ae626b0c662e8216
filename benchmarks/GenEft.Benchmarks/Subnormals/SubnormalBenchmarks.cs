using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GenEft.Experiments;
using GenEft.Relations;

namespace GenEft.Benchmarks.Subnormals;

/// <summary>
/// Whole training runs through the public API (<see cref="TrainingRun.Execute"/>): the Table 3 autoencoder on mod 3
/// (n = 30, full batch, AdamW, seed 1), 2x10^4 steps with evaluation every 10 steps and no early stop, generalizing
/// (eta_enc = eta_dec = 1e-3) and memorizing (eta_enc 1e-6, eta_dec 1e-3, where the loss goes to 0 and floats go
/// subnormal), each with and without <see cref="TrainingRunSettings.FlushSubnormals"/>. Steps/s = 20,000 / mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class SubnormalBenchmarks
{
    private TrainingRunSettings _settings = null!;

    /// <summary>Which run.</summary>
    [Params("generalizing", "memorizing")]
    public string Workload { get; set; } = "generalizing";

    /// <summary>Whether <see cref="TrainingRunSettings.FlushSubnormals"/> is on.</summary>
    [Params(false, true)]
    public bool Flush { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = new TrainingRunSettings(RelationGenerators.EqualityModulo(30, 3))
        {
            Optimizer = new OptimizerSettings { EncoderLearningRate = Workload == "memorizing" ? 1e-6 : 1e-3, DecoderLearningRate = 1e-3 },
            Seed = 1,
            Criteria = PhaseCriteria.Table4 with { Budget = 20_000 },
            StopWhenCertain = false,
            RecordCurve = false,
            FlushSubnormals = Flush,
        };
    }

    [Benchmark(Description = "TrainingRun 2e4 steps")]
    public double Train() => TrainingRun.Execute(_settings).Final.TrainAccuracy;
}
