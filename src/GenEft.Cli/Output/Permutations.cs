using System.Text;

namespace GenEft.Cli.Output;

/// <summary>Orbits and cycle notation for printing automorphism groups.</summary>
internal static class Permutations
{
    /// <summary>The orbits as sets, each sorted, ordered by their smallest vertex, from each vertex's orbit representative.</summary>
    public static List<List<int>> OrbitsFromRepresentatives(ReadOnlySpan<int> representatives)
    {
        var byRepresentative = new Dictionary<int, List<int>>();
        var orbits = new List<List<int>>();
        for (int v = 0; v < representatives.Length; v++)
        {
            if (!byRepresentative.TryGetValue(representatives[v], out var orbit))
            {
                orbit = [];
                byRepresentative[representatives[v]] = orbit;
                orbits.Add(orbit);
            }

            orbit.Add(v);
        }

        return orbits;
    }

    /// <summary>The non-trivial cycles of a permutation (v maps to map[v]), each starting at its smallest vertex.</summary>
    public static List<List<int>> Cycles(int[] map)
    {
        var seen = new bool[map.Length];
        var cycles = new List<List<int>>();
        for (int start = 0; start < map.Length; start++)
        {
            if (seen[start] || map[start] == start) continue;
            var cycle = new List<int>();
            for (int v = start; !seen[v]; v = map[v])
            {
                seen[v] = true;
                cycle.Add(v);
            }

            cycles.Add(cycle);
        }

        return cycles;
    }

    /// <summary>Cycle notation, e.g. "(0 4)(1 3 2)", with vertices shifted by <paramref name="vertexBase"/>; "()" for the identity.</summary>
    public static string CycleNotation(List<List<int>> cycles, int vertexBase)
    {
        if (cycles.Count == 0) return "()";
        var sb = new StringBuilder();
        foreach (var cycle in cycles)
        {
            sb.Append('(');
            sb.AppendJoin(' ', cycle.Select(v => v + vertexBase));
            sb.Append(')');
        }

        return sb.ToString();
    }
}
