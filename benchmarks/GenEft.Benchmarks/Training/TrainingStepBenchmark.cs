using BenchmarkDotNet.Attributes;
using GenEft.Autodiff;

namespace GenEft.Benchmarks.Training;

/// <summary>
/// One full-batch Adam step of the GenEFT default autoencoder (see <see cref="AutoencoderStep"/>), one thread.
/// The baseline records on a new tape every step (fresh buffers, as a naive tape would); the measured case
/// reuses one tape, which is how training loops run and which must allocate 0 B per step.
/// Run: dotnet run -c Release --project benchmarks/GenEft.Benchmarks -- --filter '*TrainingStep*'
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmark
{
    private AutoencoderStep _model = null!;
    private Tape<float> _tape = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = new AutoencoderStep(seed: 1);
        _tape = new Tape<float>();
    }

    [Benchmark(Baseline = true)]
    public float AdamStepFreshTape() => _model.Step(new Tape<float>());

    [Benchmark]
    public float AdamStepReusedTape() => _model.Step(_tape);
}
