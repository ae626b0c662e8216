namespace GenEft.Reproduce;

/// <summary>
/// A CSV file written row by row and flushed after each row, so a run that is interrupted (Ctrl+C) or killed keeps
/// every row it finished. Thread-safe.
/// </summary>
public sealed class ResultsFile : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    /// <summary>Creates (or replaces) the file and writes the header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="header">The CSV header line.</param>
    public ResultsFile(string path, string header)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
        _writer.WriteLine(header);
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>Rows written so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Appends one row and flushes it to disk.</summary>
    /// <param name="row">The CSV line.</param>
    public void Append(string row)
    {
        lock (_gate)
        {
            _writer.WriteLine(row);
            Rows++;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
