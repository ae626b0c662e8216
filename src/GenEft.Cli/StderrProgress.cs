using System.Diagnostics;
using System.Globalization;

namespace GenEft.Cli;

/// <summary>
/// Progress of one stage on stderr, safe to report from worker threads. Nothing is shown for a stage that ends within
/// a second. After that, on a terminal one line is redrawn at most five times a second; otherwise (a file or pipe) a
/// line is written at each further 10%, so logs stay short.
/// </summary>
internal sealed class StderrProgress : IProgress<double>
{
    private readonly CliContext _context;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDrawMs = -1000;
    private int _lastDecile = -1;
    private bool _drewLive;
    private bool _shownAny;

    /// <summary>Stages shorter than this show no progress at all.</summary>
    private const long QuietMilliseconds = 1000;

    public StderrProgress(CliContext context, string label)
    {
        _context = context;
        _label = label;
    }

    /// <summary>Reports the finished fraction of the stage, in [0, 1].</summary>
    public void Report(double value)
    {
        if (_context.Quiet) return;
        double fraction = Math.Clamp(value, 0, 1);
        if (!Volatile.Read(ref _shownAny) && _clock.ElapsedMilliseconds < QuietMilliseconds) return;
        lock (_gate)
        {
            if (_context.ErrorIsTerminal)
            {
                long now = _clock.ElapsedMilliseconds;
                if (now - _lastDrawMs < 200 && fraction < 1) return;
                _lastDrawMs = now;
                _context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{_label}: {fraction * 100,5:F1}%  {_clock.Elapsed.TotalSeconds,6:F1} s"));
                _drewLive = true;
            }
            else
            {
                int decile = (int)Math.Floor(fraction * 10);
                if (decile <= _lastDecile) return;
                _lastDecile = decile;
                _context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: {decile * 10}% ({_clock.Elapsed.TotalSeconds:F1} s)"));
            }

            Volatile.Write(ref _shownAny, true);
            _context.Error.Flush();
        }
    }

    /// <summary>Ends a redrawn terminal line so the next output starts on a fresh line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_drewLive)
            {
                _context.Error.WriteLine();
                _drewLive = false;
            }
        }
    }
}
