using System.Globalization;

/// <summary>Command-line options: --out (default docs/reproduction-perceptron), --trials (a per-figure default when absent), --seed, --threads.</summary>
internal sealed record Options(string Output, long? Trials, ulong Seed, int Threads)
{
    public static Options Parse(IEnumerable<string> args)
    {
        string output = "docs/reproduction-perceptron";
        long? trials = null;
        ulong seed = 2210_15435;
        int threads = -1;
        var list = args.ToList();
        for (int i = 0; i + 1 < list.Count; i += 2)
        {
            string value = list[i + 1];
            switch (list[i])
            {
                case "--out":
                    output = value;
                    break;
                case "--trials":
                    trials = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = ulong.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {list[i]}.");
            }
        }

        Directory.CreateDirectory(output);
        return new Options(output, trials, seed, threads);
    }

    public long TrialsOr(long fallback) => Trials ?? fallback;

    public string PathOf(string file) => Path.Combine(Output, file);
}
