namespace GenEft.Graphs;

/// <summary>
/// Reads the six-bit groups of graph6/sparse6/digraph6 strings (printable bytes 63..126, value = byte - 63), reporting
/// errors by byte position. Reads stop at <c>end</c>, so trailing whitespace the caller trimmed is never data.
/// </summary>
internal struct SixBitReader(string text, int position, int end, int lineNumber)
{
    private int _pos = position;
    private int _bitsLeft;
    private int _current;

    /// <summary>The index after the last non-whitespace character: line ends and trailing blanks are not data.</summary>
    public static int ContentEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    /// <summary>The length of <paramref name="header"/> when the text starts with it, else 0.</summary>
    public static int HeaderLength(string text, string header)
        => text.StartsWith(header, StringComparison.Ordinal) ? header.Length : 0;

    public readonly FormatException Error(string message) => ErrorAt(_pos, message);

    public readonly FormatException ErrorAt(int position, string message)
        => new(lineNumber > 0 ? $"Line {lineNumber}, byte {position}: {message}" : $"Byte {position}: {message}");

    public int ReadByte()
    {
        if (_pos >= end) throw Error("unexpected end of data.");
        int c = text[_pos];
        if (c < 63 || c > 126) throw Error($"character '{text[_pos]}' (code {c}) is outside the printable range 63..126.");
        _pos++;
        return c - 63;
    }

    /// <summary>Reads N(n) (1, 4 or 8 bytes) and checks it against <paramref name="maxVertices"/> before anything is sized from it.</summary>
    public int ReadSize(int maxVertices)
    {
        int start = _pos;
        long n = ReadByte();
        if (n == 63)
        {
            int second = ReadByte();
            if (second < 63)
            {
                n = ((long)second << 12) | ((long)ReadByte() << 6) | (long)ReadByte();
            }
            else
            {
                n = 0;
                for (int i = 0; i < 6; i++) n = (n << 6) | (long)ReadByte();
            }
        }
        if (n > maxVertices)
            throw ErrorAt(start, $"vertex count {n} exceeds the limit MaxVertices = {maxVertices} (see GraphReadLimits).");
        return (int)n;
    }

    public bool ReadBit()
    {
        if (_bitsLeft == 0)
        {
            _current = ReadByte();
            _bitsLeft = 6;
        }
        _bitsLeft--;
        return ((_current >> _bitsLeft) & 1) != 0;
    }

    public readonly long BitsRemaining => _bitsLeft + (6L * (end - _pos));

    /// <summary>Fails at the end of the data unless at least <paramref name="bits"/> bits remain (checked before reading them).</summary>
    public readonly void RequireBits(long bits, int n)
    {
        if (BitsRemaining < bits)
        {
            long needed = (bits - _bitsLeft + 5) / 6;
            throw ErrorAt(end, $"{n} vertices need {needed} data bytes, but only {end - _pos} follow.");
        }
    }

    public readonly void ExpectEnd()
    {
        if (_pos != end) throw Error($"{end - _pos} unexpected trailing characters.");
    }

    /// <summary>Fails when one more edge would pass <paramref name="maxEdges"/>.</summary>
    public readonly void CheckEdgeCount(long edgesSoFar, long maxEdges)
    {
        if (edgesSoFar >= maxEdges)
            throw Error($"more than MaxEdges = {maxEdges} edges (see GraphReadLimits).");
    }
}
