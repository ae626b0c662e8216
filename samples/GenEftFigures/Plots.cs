using GenEft.Experiments;

/// <summary>Plot output; SVG via samples/GenEft.Plotting once it is merged (until then, the CSV files are the output).</summary>
internal static class Plots
{
    public static void PhaseDiagram(IReadOnlyList<SweepRow> rows, string xAxis, string yAxis, PhaseBoundary fit, string path, string title)
    {
    }
}
