using System.Diagnostics;
using System.Globalization;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args.Skip(1));
var figures = new Dictionary<string, Action<Options>>
{
    ["figure2"] = Figure2.Execute,
    ["figure3"] = Figure3.Execute,
    ["figure5"] = Figure5.Execute,
    ["figure6"] = Figure6.Execute,
    ["nu"] = CriticalExponents.Execute,
    ["equation8"] = Equation8.Execute,
    ["bench"] = GrokkingProbabilityTiming.Execute,
};
string command = args.FirstOrDefault() ?? "";
if (command == "all")
{
    foreach (var (name, run) in figures.Where(f => f.Key != "bench"))
    {
        var clock = Stopwatch.StartNew();
        run(options);
        Console.WriteLine($"== {name} done in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
else if (figures.TryGetValue(command, out var run))
{
    run(options);
}
else
{
    Console.WriteLine($"usage: PerceptronFigures <{string.Join('|', figures.Keys)}|all> [--out dir] [--trials n] [--seed s] [--threads t]");
}
