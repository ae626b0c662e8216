using System.Text;

namespace GenEft.Graphs;

/// <summary>Writes six-bit groups for graph6/sparse6/digraph6.</summary>
internal sealed class SixBitWriter
{
    private readonly StringBuilder _sb = new();
    private int _current;
    private int _bits;

    public int PendingBits => _bits;

    public void WriteRaw(char c) => _sb.Append(c);

    public void WriteSize(int n)
    {
        if (n < 63) _sb.Append((char)(n + 63));
        else if (n < 258048)
        {
            _sb.Append('~');
            for (int s = 12; s >= 0; s -= 6) _sb.Append((char)(((n >> s) & 63) + 63));
        }
        else
        {
            _sb.Append("~~");
            for (int s = 30; s >= 0; s -= 6) _sb.Append((char)((int)(((long)n >> s) & 63) + 63));
        }
    }

    public void WriteBit(bool bit)
    {
        _current = (_current << 1) | (bit ? 1 : 0);
        if (++_bits == 6)
        {
            _sb.Append((char)(_current + 63));
            _current = 0;
            _bits = 0;
        }
    }

    public void WriteBits(int value, int width)
    {
        for (int s = width - 1; s >= 0; s--) WriteBit(((value >> s) & 1) != 0);
    }

    public string Finish(bool padWithOnes)
    {
        while (_bits != 0) WriteBit(padWithOnes);
        return _sb.ToString();
    }
}
