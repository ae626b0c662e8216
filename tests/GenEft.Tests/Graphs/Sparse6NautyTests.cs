using System.IO.Compression;
using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>
/// sparse6 strings written by nauty itself (benchmarks/reference/graphs/make_sparse6_reference.sh: nauty-genrang with
/// loops, nauty-underlyingg for every labelled loop graph on up to 4 vertices and for the padding cases at n = 2^k,
/// nauty-copyg for n = 0), n = 0..70, each with nauty's own decoding (nauty-listg -e): our reader must give nauty's
/// edges and our writer nauty's bytes.
/// </summary>
public class Sparse6NautyTests
{
    private static IEnumerable<(string Sparse6, int N, (int, int)[] Edges)> Reference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Graphs", "sparse6-nauty.txt.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var parts = line.Split(' ');
            int n = int.Parse(parts[1]), m = int.Parse(parts[2]);
            Assert.Equal(3 + (2 * m), parts.Length);
            var edges = new (int, int)[m];
            for (int i = 0; i < m; i++)
            {
                int u = int.Parse(parts[3 + (2 * i)]), v = int.Parse(parts[4 + (2 * i)]);
                edges[i] = (Math.Min(u, v), Math.Max(u, v));
            }
            Array.Sort(edges);
            yield return (parts[0], n, edges);
        }
    }

    [Fact]
    public void ReaderDecodesNautysStringsAsNautyDoes()
    {
        var failures = new List<string>();
        foreach (var (s6, n, edges) in Reference())
        {
            var g = Sparse6Format.Parse(s6);
            if (g.VertexCount != n || !g.Edges().SequenceEqual(edges))
                failures.Add($"{s6}: nauty n = {n}, {edges.Length} edges; ours n = {g.VertexCount}, {g.EdgeCount} edges");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first: {string.Join("; ", failures.Take(5))}");
    }

    [Fact]
    public void WriterReproducesNautysBytes()
    {
        var failures = new List<string>();
        foreach (var (s6, n, edges) in Reference())
        {
            string ours = Sparse6Format.Format(Graph.FromEdges(n, edges, directed: false));
            if (ours != s6) failures.Add($"n = {n}: nauty {s6}, ours {ours}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first: {string.Join("; ", failures.Take(5))}");
    }

    [Fact]
    public void ReferenceCoversEveryVertexCountUpTo70WithLoopsAndTheLabelledLoopGraphsUpTo4()
    {
        var byN = Reference().GroupBy(r => r.N).ToDictionary(g => g.Key, g => g.ToList());
        for (int n = 0; n <= 70; n++) Assert.True(byN.ContainsKey(n), $"no reference graph with n = {n}");
        for (int n = 1; n <= 70; n++) Assert.Contains(byN[n], r => r.Edges.Any(e => e.Item1 == e.Item2));
        // Labelled graphs with loops on n vertices: 2^(n(n+1)/2), all distinct among the reference lines.
        for (int n = 1; n <= 4; n++)
        {
            int distinct = byN[n].Select(r => string.Join(",", r.Edges)).Distinct().Count();
            Assert.Equal(1 << (n * (n + 1) / 2), distinct);
        }
    }
}
