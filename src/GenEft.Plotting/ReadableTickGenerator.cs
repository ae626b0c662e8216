using ScottPlot;

namespace GenEft.Plotting;

/// <summary>
/// Adapts <see cref="TickLayout"/> to ScottPlot: asks for as many labels as fit the axis's pixel length (measuring
/// the widest label with the axis's own font) and falls back to fewer until the labels no longer touch.
/// </summary>
internal sealed class ReadableTickGenerator(AxisScale scale) : ITickGenerator
{
    private const float LabelGap = 14;

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 1000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        double min = Math.Min(range.Min, range.Max), max = Math.Max(range.Min, range.Max);
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min || size.Length <= 0)
        {
            Ticks = [];
            return;
        }

        bool horizontal = edge is Edge.Bottom or Edge.Top;
        for (int labels = Math.Clamp((int)(size.Length / (horizontal ? 60 : 36)), 2, 12); ; labels--)
        {
            IReadOnlyList<AxisTick> ticks = scale == AxisScale.Log10 ? TickLayout.Logarithmic(min, max, labels) : TickLayout.Linear(min, max, labels);
            string[] text = [.. ticks.Where(t => t.IsMajor).Select(t => t.Label)];
            float extent = text.Length == 0 ? 0 : horizontal ? labelStyle.MeasureWidestString(text, paint).width.Length : labelStyle.MeasureHighestString(text, paint).height;
            if (labels == 2 || text.Length * (extent + LabelGap) <= size.Length)
            {
                Ticks = [.. ticks.Select(t => new Tick(t.Position, t.Label, t.IsMajor))];
                return;
            }
        }
    }
}
