// Run: dotnet run -c Release --project benchmarks/reference/autodiff/TrainStepCpuTime
using System.Diagnostics;
using GenEft.Autodiff;
using GenEft.Benchmarks.Training;

// Steps per second of process CPU time (less distorted than wall-clock time on a shared machine) and of
// wall-clock time for the training step of TrainingStepBenchmark; the counterpart of the CPU-time figure
// printed by train_step_torch.py.
var step = new AutoencoderStep(seed: 1);
var tape = new Tape<float>();
for (int i = 0; i < 500; i++)
{
    step.Step(tape);
}

var cpuRates = new List<double>();
var wallRates = new List<double>();
for (int rep = 0; rep < 9; rep++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < 1000; i++)
    {
        step.Step(tape);
    }

    cpuRates.Add(1000 / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    wallRates.Add(1000 / clock.Elapsed.TotalSeconds);
}

double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
Console.WriteLine(
    $"GenEft tape step: wall median {Median(wallRates):F0} steps/s (max {wallRates.Max():F0}); " +
    $"cpu-time median {Median(cpuRates):F0} steps/s (max {cpuRates.Max():F0})");
