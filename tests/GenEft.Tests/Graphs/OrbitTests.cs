using System.IO.Compression;
using GenEft.Graphs;
using Xunit;

namespace GenEft.Tests.Graphs;

/// <summary>
/// Orbits as sets against nauty's: benchmarks/reference/graphs/make_orbit_reference.sh records dreadnaut's orbit
/// listing for every graph on up to 8 vertices (relabelled by nauty-ranlabg, so orbits are not ranges), a quarter of
/// the 9/10-vertex sample, every digraph on up to 4 vertices and a sample of binary relations on 3 and 4 elements.
/// </summary>
public class OrbitTests
{
    private static IEnumerable<(string Code, int[] Representatives)> Reference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Graphs", "orbits.txt.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var parts = line.Split(' ');
            yield return (parts[0], parts[1].Split(',').Select(int.Parse).ToArray());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OrbitsEqualNautysOrbits(bool preprocess)
    {
        var engine = new AutomorphismSearch(new AutomorphismSearchOptions { RemoveTwins = preprocess, RemovePendantTrees = preprocess, SplitComponents = preprocess });
        var failures = new List<string>();
        int count = 0;
        foreach (var (code, nauty) in Reference())
        {
            var g = code[0] == '&' ? Digraph6Format.Parse(code) : Graph6Format.Parse(code);
            var group = engine.Compute(g, TestContext.Current.CancellationToken);
            count++;
            for (int v = 0; v < g.VertexCount; v++)
            {
                // nauty's orbit of v, as a set, against ours.
                var expected = Enumerable.Range(0, g.VertexCount).Where(u => nauty[u] == nauty[v]).ToArray();
                if (!group.OrbitOf(v).SequenceEqual(expected))
                {
                    failures.Add($"{code}: orbit of {v} is [{string.Join(' ', expected)}] in nauty, [{string.Join(' ', group.OrbitOf(v).ToArray())}] here");
                    break;
                }
            }
        }
        Assert.True(count > 20_000, $"only {count} reference graphs");
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first: {string.Join("; ", failures.Take(5))}");
    }

    [Fact]
    public void OrbitViewsAgree()
    {
        // Disjoint union of a triangle, a path on 3 vertices and an isolated vertex, labels shuffled:
        // orbits {triangle}, {path ends}, {path middle}, {isolated vertex}.
        int[] p = [4, 0, 6, 2, 5, 1, 3];
        var edges = new[] { (0, 1), (1, 2), (0, 2), (3, 4), (4, 5) }.Select(e => (p[e.Item1], p[e.Item2])).ToArray();
        var group = AutomorphismSearch.Default.Compute(Graph.FromEdges(7, edges, false), TestContext.Current.CancellationToken);
        Assert.Equal(4, group.OrbitCount);
        int[][] expected = [[0, 4, 6], [1, 2], [3], [5]];
        for (int k = 0; k < group.OrbitCount; k++) Assert.Equal(expected[k], group.Orbit(k).ToArray());
        for (int v = 0; v < 7; v++)
        {
            int k = group.OrbitIndices[v];
            Assert.Contains(v, group.Orbit(k).ToArray());
            Assert.Equal(group.Orbit(k).ToArray(), group.OrbitOf(v).ToArray());
            Assert.Equal(group.Orbit(k)[0], group.OrbitRepresentatives[v]);
        }
        Assert.Throws<ArgumentOutOfRangeException>("index", () => group.Orbit(4));
        Assert.Throws<ArgumentOutOfRangeException>("vertex", () => group.OrbitOf(-1));
        var empty = AutomorphismSearch.Default.Compute(Graph.FromEdges(0, default, false), TestContext.Current.CancellationToken);
        Assert.Equal(0, empty.OrbitCount);
        Assert.True(empty.OrbitIndices.IsEmpty);
    }
}
