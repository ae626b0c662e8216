using System.Globalization;

namespace GenEft.Cli.Figures;

/// <summary>
/// What a figure computes with and writes to: the output folder and file prefix, the seed and thread count, the
/// cancellation token, and stdout for its summary lines (suppressed under <c>--json</c>, which prints one object at the end).
/// </summary>
internal sealed class FigureContext
{
    private readonly List<string> _files = [];
    private readonly bool _json;

    public FigureContext(CliContext cli, string directory, string prefix, ulong seed, int threads, bool json, CancellationToken cancellationToken)
    {
        Cli = cli;
        Directory = directory;
        Prefix = prefix;
        Seed = seed;
        Threads = threads;
        _json = json;
        CancellationToken = cancellationToken;
    }

    public CliContext Cli { get; }

    /// <summary>The output folder (<c>--out</c>).</summary>
    public string Directory { get; }

    /// <summary>Put before every file name (<c>--prefix</c>).</summary>
    public string Prefix { get; }

    /// <summary>The seed (<c>--seed</c>).</summary>
    public ulong Seed { get; }

    /// <summary>Worker threads, -1 for every core (the library's MaxDegreeOfParallelism convention).</summary>
    public int Threads { get; }

    /// <summary>Worker threads as a positive count.</summary>
    public int Workers => Threads == -1 ? Environment.ProcessorCount : Threads;

    public CancellationToken CancellationToken { get; }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The path of an output file: the folder, the prefix, then <paramref name="file"/>.</summary>
    public string PathOf(string file) => Path.Combine(Directory, Prefix + file);

    /// <summary>A summary line on stdout (not under --json).</summary>
    public void Line(string text)
    {
        if (!_json) Cli.WriteResult(text);
    }

    /// <summary>An invariant-culture summary line.</summary>
    public void Line(FormattableString text) => Line(text.ToString(CultureInfo.InvariantCulture));

    /// <summary>Records written files and names them on stdout as soon as they are complete.</summary>
    public void Wrote(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            _files.Add(path);
            Line($"wrote {path}");
        }
    }

    /// <summary>Progress of one stage on stderr (shown only when it takes more than a second, never under --quiet).</summary>
    public StderrProgress Progress(string label) => Cli.Progress(label);
}
