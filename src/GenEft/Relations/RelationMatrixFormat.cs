using System.Text;

namespace GenEft.Relations;

/// <summary>
/// A plain-text file format for one relation: its n x n 0/1 matrix, one row per line, row i holding R[i, 0..n-1].
/// Entries are the characters <c>0</c> and <c>1</c>, written together (<c>0110</c>) or separated by spaces, tabs or
/// commas (<c>0 1 1 0</c>, <c>0,1,1,0</c>); <c>#</c> starts a comment that runs to the end of the line; blank lines are
/// ignored. The file must hold exactly n rows of n entries, n &gt;= 1. <see cref="Relation.ToString"/> writes the
/// same form without comments, so <c>Parse(r.ToString())</c> equals <c>r</c>.
/// </summary>
public static class RelationMatrixFormat
{
    /// <summary>The largest n accepted: n^2 entries must fit in one bit matrix, as for <see cref="RelationBuilder"/>.</summary>
    public const int MaxSize = 46_340;

    /// <summary>Parses a relation matrix held in a string.</summary>
    /// <param name="text">The file's contents.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a square 0/1 matrix; the message gives the line (and column).</exception>
    public static Relation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(new StringReader(text));
    }

    /// <summary>Reads a relation matrix.</summary>
    /// <param name="reader">The text source, read to its end.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a square 0/1 matrix; the message gives the line (and column).</exception>
    public static Relation Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RelationBuilder? builder = null;
        int size = 0, row = 0, lineNumber = 0, firstRowLine = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var span = line.AsSpan();
            int hash = span.IndexOf('#');
            if (hash >= 0) span = span[..hash];
            if (span.IsWhiteSpace()) continue;

            int count = CountEntries(span, lineNumber);
            if (builder is null)
            {
                if (count > MaxSize)
                    throw new FormatException($"Line {lineNumber}: a row of {count} entries; at most {MaxSize} elements are supported.");
                size = count;
                firstRowLine = lineNumber;
                builder = new RelationBuilder(size);
            }
            else if (count != size)
            {
                throw new FormatException($"Line {lineNumber}: row {row + 1} has {count} entries, but the first row (line {firstRowLine}) has {size}.");
            }

            if (row == size)
                throw new FormatException($"Line {lineNumber}: more than {size} rows; a relation on {size} elements has {size} rows of {size} entries.");

            int j = 0;
            foreach (char c in span)
            {
                if (c == '1') builder[row, j] = true;
                if (c is '0' or '1') j++;
            }

            row++;
        }

        if (builder is null) throw new FormatException("The relation matrix has no rows (only blank or comment lines).");
        if (row != size)
            throw new FormatException($"Line {lineNumber}: the matrix ends after {row} rows, but its rows have {size} entries; it must be square.");
        return builder.ToRelation();
    }

    /// <summary>Writes a relation as its 0/1 matrix, one row per line (entries written together, lines ended by '\n').</summary>
    /// <param name="relation">The relation.</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Relation relation, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder(relation.Size + 1);
        for (int i = 0; i < relation.Size; i++)
        {
            line.Clear();
            for (int j = 0; j < relation.Size; j++) line.Append(relation.Get(i, j) ? '1' : '0');
            line.Append('\n');
            writer.Write(line);
        }
    }

    private static int CountEntries(ReadOnlySpan<char> span, int lineNumber)
    {
        int count = 0;
        for (int k = 0; k < span.Length; k++)
        {
            char c = span[k];
            if (c is '0' or '1') count++;
            else if (c is not (' ' or '\t' or ',' or '\r'))
                throw new FormatException($"Line {lineNumber}, column {k + 1}: '{c}' is not an entry (0 or 1) or a separator (space, tab, comma).");
        }

        return count;
    }
}
