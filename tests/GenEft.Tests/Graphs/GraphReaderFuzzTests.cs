using System.Text;
using GenEft.Graphs;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>
/// A fixed-seed, bounded fuzz run of every graph reader (issue 14): a few thousand mutations (bit flips, byte inserts
/// and deletes, size-field rewrites, truncation, huge numbers, repeated chunks) of valid inputs. The oracle: a read
/// either fails with a FormatException, or gives a graph within the limits that its own format writes and reads
/// back unchanged (graph6-family: the writer's string is a fixed point and is no longer than the input); either way
/// the bytes allocated must be justified by the input length and the graph produced, so an allocation bomb fails.
/// </summary>
public class GraphReaderFuzzTests
{
    private const int Mutations = 4000;
    private const int RoundTripVertices = 1 << 16;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // Small limits keep the allocation bound tight; the default limits are fuzzed too.
    private static readonly GraphReadLimits Tight = new() { MaxVertices = 1 << 12, MaxEdges = 1 << 16 };

    public static TheoryData<string, bool> Readers()
    {
        var data = new TheoryData<string, bool>();
        foreach (string reader in new[] { "graph6", "sparse6", "digraph6", "dimacs", "edgelist" })
        {
            data.Add(reader, true);
            data.Add(reader, false);
        }
        return data;
    }

    [Theory, MemberData(nameof(Readers))]
    public void MutatedInputsFailCleanlyOrRoundTrip(string format, bool tightLimits)
    {
        var limits = tightLimits ? Tight : GraphReadLimits.Default;
        var codec = Codec.For(format);
        var seeds = codec.Seeds();
        foreach (string seed in seeds) Assert.Null(Check(codec, seed, limits)); // the seeds themselves are valid
        var random = new Random(Stable(format) + (tightLimits ? 1 : 0));
        var failures = new List<string>();
        int parsed = 0;
        Bounded.Run(() =>
        {
            for (int i = 0; i < Mutations && failures.Count < 5; i++)
            {
                string input = Mutator.Mutate(seeds[random.Next(seeds.Length)], random, codec.IsSixBit);
                string? failure = Check(codec, input, limits, () => parsed++);
                if (failure is not null) failures.Add($"{failure} on input {Escape(input)}");
            }
        }, Limit);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The run must exercise both outcomes, or the mutations are too tame or too wild to test anything.
        Assert.InRange(parsed, Mutations / 50, Mutations - (Mutations / 50));
    }

    /// <summary>Reads <paramref name="input"/>; returns null when the oracle holds, else what went wrong.</summary>
    private static string? Check(Codec codec, string input, GraphReadLimits limits, Action? onParsed = null)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Graph g;
        try
        {
            g = codec.Read(input, limits);
        }
        catch (FormatException)
        {
            long spent = GC.GetAllocatedBytesForCurrentThread() - before;
            return spent <= Budget(input, 0) ? null : $"a failing read allocated {spent} bytes";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        onParsed?.Invoke();
        if (bytes > Budget(input, g.VertexCount)) return $"allocated {bytes} bytes for {g.VertexCount} vertices and {g.EdgeCount} edges";
        if (g.VertexCount > limits.MaxVertices || g.EdgeCount > limits.MaxEdges) return $"{g.VertexCount} vertices / {g.EdgeCount} edges pass the limits";
        // A rewritten size field can declare millions of isolated vertices within the default limits; reading them is
        // checked above, writing them back would only cost time.
        if (g.VertexCount > RoundTripVertices) return null;
        string written = codec.Write(g);
        Graph back;
        try
        {
            back = codec.Read(written, limits);
        }
        catch (Exception e)
        {
            return $"the writer's output does not read back ({e.Message})";
        }

        if (!SameGraph(g, back)) return "the round trip changed the graph";
        if (codec.IsSixBit)
        {
            if (codec.Write(back) != written) return "the writer's string is not a fixed point";
            if (written.Length > input.Length && codec.Name != "sparse6") return $"the canonical string {written} is longer than the input";
        }
        return null;
    }

    /// <summary>
    /// What a read may allocate: a constant, a bounded multiple of the input (at most six edge records per byte, each
    /// costing a list slot and two CSR entries, plus the line strings), and 16 bytes per vertex of the result (CSR
    /// index in both directions and colours).
    /// </summary>
    private static long Budget(string input, int vertices) => (64 << 10) + (256L * input.Length) + (16L * vertices);

    private static bool SameGraph(Graph a, Graph b)
    {
        if (a.VertexCount != b.VertexCount || a.IsDirected != b.IsDirected || !a.Edges().SequenceEqual(b.Edges())) return false;
        for (int v = 0; v < a.VertexCount; v++)
            if (a.Color(v) != b.Color(v)) return false;
        return true;
    }

    private static int Stable(string s)
    {
        int h = 17;
        foreach (char c in s) h = unchecked((h * 31) + c);
        return h;
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s.Length > 200 ? s[..200] + "..." : s)
            sb.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        return sb.Append('"').ToString();
    }

    private sealed record Codec(string Name, bool IsSixBit, Func<string, GraphReadLimits, Graph> Read, Func<Graph, string> Write, Func<string[]> Seeds)
    {
        public static Codec For(string name) => name switch
        {
            "graph6" => new(name, true, (s, l) => Graph6Format.Parse(s, l), Graph6Format.Format, () => SeedGraphs(directed: false, loops: false).Select(Graph6Format.Format).Append(">>graph6<<Cl\n").ToArray()),
            "sparse6" => new(name, true, (s, l) => Sparse6Format.Parse(s, l), Sparse6Format.Format, () => SeedGraphs(directed: false, loops: true).Select(Sparse6Format.Format).Append(">>sparse6<<:Fa@x^\r\n").ToArray()),
            "digraph6" => new(name, true, (s, l) => Digraph6Format.Parse(s, l), Digraph6Format.Format, () => SeedGraphs(directed: true, loops: true).Select(Digraph6Format.Format).ToArray()),
            "dimacs" => new(name, false, (s, l) => DimacsFormat.Read(new StringReader(s), directed: false, l), WriteDimacs, () => SeedGraphs(directed: false, loops: true, colours: true).Select(WriteDimacs).Append("c comment\np col 3 1\n\ne 1 3\n").ToArray()),
            _ => new(name, false, (s, l) => EdgeListFormat.Read(new StringReader(s), directed: true, limits: l), WriteEdgeList, () => SeedGraphs(directed: true, loops: true).Where(g => g.EdgeCount > 0).Select(WriteEdgeList).Append("# c\n0 1\n1,2\n2\t0 # x\n").ToArray()),
        };

        private static string WriteDimacs(Graph g)
        {
            var w = new StringWriter();
            DimacsFormat.Write(g, w);
            return w.ToString();
        }

        private static string WriteEdgeList(Graph g)
        {
            var w = new StringWriter();
            EdgeListFormat.Write(g, w);
            return w.ToString();
        }

        /// <summary>Small and boundary-sized graphs: n = 0, 1, 2, 5, 12, 62, 63, 64 (the size field's forms) and a few denser ones.</summary>
        private static IEnumerable<Graph> SeedGraphs(bool directed, bool loops, bool colours = false)
        {
            var random = new Random(20261202);
            foreach (int n in new[] { 0, 1, 2, 5, 12, 16, 62, 63, 64 })
            {
                foreach (double p in new[] { 0.1, 0.5 })
                {
                    var edges = new List<(int, int)>();
                    for (int u = 0; u < n; u++)
                        for (int v = directed ? 0 : u; v < n; v++)
                            if ((u != v || loops) && random.NextDouble() < p) edges.Add((u, v));
                    int[] colors = colours ? Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray() : [];
                    yield return Graph.FromEdges(n, edges.ToArray(), directed, colors);
                }
            }
        }
    }

    private static class Mutator
    {
        private static readonly string[] HugeNumbers = ["2147483647", "2147483648", "4294967296", "99999999999999999999", "-1", "0", "16777216", "9223372036854775807"];
        private static readonly string[] SizeFields = ["?", "@", "}", "~", "~?", "~??", "~?~~", "~~", "~~?", "~~??~~~~", "~~@?????", "~~?G????", "~~~~~~~~", "~~??????"];

        public static string Mutate(string seed, Random random, bool sixBit)
        {
            var s = new StringBuilder(seed);
            int count = 1 + random.Next(3);
            for (int m = 0; m < count; m++) MutateOnce(s, random, sixBit);
            return s.ToString();
        }

        private static void MutateOnce(StringBuilder s, Random random, bool sixBit)
        {
            int at = s.Length == 0 ? 0 : random.Next(s.Length);
            switch (random.Next(8))
            {
                case 0 when s.Length > 0: // flip one bit of one character (may leave the printable range)
                    s[at] = (char)(s[at] ^ (1 << random.Next(7)));
                    break;
                case 1: // insert a character: printable six-bit data, a digit, a separator or a control character
                    const string alphabet = "?@A_~}o0123456789 \t\n\r-e pcn,#:&>";
                    s.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2 when s.Length > 0: // delete a run
                    s.Remove(at, Math.Min(s.Length - at, 1 + random.Next(4)));
                    break;
                case 3: // truncate
                    s.Length = at;
                    break;
                case 4 when sixBit: // rewrite the size field (after the optional header and ':' or '&')
                    RewriteSize(s, random);
                    break;
                case 5 when !sixBit: // replace a number with a huge or edge-case one
                    ReplaceNumber(s, random);
                    break;
                case 6 when s.Length > 0: // repeat a chunk, growing the input
                    int length = Math.Min(s.Length - at, 1 + random.Next(64));
                    string chunk = s.ToString(at, length);
                    s.Insert(at, string.Concat(Enumerable.Repeat(chunk, 1 + random.Next(8))));
                    break;
                default: // overwrite a character with a random printable one
                    if (s.Length > 0) s[at] = (char)(63 + random.Next(64));
                    break;
            }
        }

        private static void RewriteSize(StringBuilder s, Random random)
        {
            int start = 0;
            string text = s.ToString();
            foreach (string header in new[] { ">>graph6<<", ">>sparse6<<", ">>digraph6<<" })
                if (text.StartsWith(header, StringComparison.Ordinal)) start = header.Length;
            if (start < s.Length && s[start] is ':' or '&') start++;
            int oldLength = start >= s.Length ? 0 : s[start] != '~' ? 1 : start + 1 < s.Length && s[start + 1] == '~' ? 8 : 4;
            s.Remove(start, Math.Min(oldLength, s.Length - start));
            s.Insert(start, SizeFields[random.Next(SizeFields.Length)]);
        }

        private static void ReplaceNumber(StringBuilder s, Random random)
        {
            string text = s.ToString();
            var starts = new List<int>();
            for (int i = 0; i < text.Length; i++)
                if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))) starts.Add(i);
            if (starts.Count == 0) return;
            int begin = starts[random.Next(starts.Count)], end = begin;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            s.Remove(begin, end - begin);
            s.Insert(begin, HugeNumbers[random.Next(HugeNumbers.Length)]);
        }
    }
}
