using System.Globalization;

namespace GenEft.Experiments;

/// <summary>
/// A phase boundary from <see cref="PhaseDiagram.FitBoundary"/>: one point per column where the lower phase gives way to
/// the upper one, the least-squares line through them and the median ratio y/x on the boundary.
/// </summary>
/// <param name="Points">The boundary points, by increasing x.</param>
/// <param name="Slope">The least-squares slope (on log10 axes: the exponent of y* ∝ x^slope); NaN with fewer than two distinct x.</param>
/// <param name="Intercept">The least-squares intercept (log10 y* at log10 x = 0 on log axes); NaN as the slope.</param>
/// <param name="MedianRatio">The median of y*/x over the points (even count: the geometric mean of the middle two on log axes, the mean otherwise); NaN without points.</param>
/// <param name="LogAxes">Whether the line is on log10 axes.</param>
public sealed record PhaseBoundary(IReadOnlyList<BoundaryPoint> Points, double Slope, double Intercept, double MedianRatio, bool LogAxes)
{
    /// <summary>The fitted line's y at <paramref name="x"/>: 10^(slope log10 x + intercept) on log axes, slope x + intercept otherwise.</summary>
    /// <param name="x">A coordinate (positive on log axes).</param>
    /// <returns>The boundary's y.</returns>
    public double YAt(double x) => LogAxes ? Math.Pow(10, (Slope * Math.Log10(x)) + Intercept) : (Slope * x) + Intercept;

    /// <summary>The x of each column (by increasing x) where the lower group does not give way to the upper one: no boundary point there.</summary>
    public IReadOnlyList<double> ColumnsWithoutBoundary { get; init; } = [];

    /// <summary>
    /// A one-line description with axis names: the points, the columns without a boundary, the fitted line and the
    /// median ratio; a quantity that is not defined is named as missing ("no boundary", "no line fit"), never printed as NaN.
    /// </summary>
    /// <param name="xAxis">The x name.</param>
    /// <param name="yAxis">The y name.</param>
    /// <returns>The text.</returns>
    public string Describe(string xAxis, string yAxis)
    {
        var text = new System.Text.StringBuilder();
        string log = LogAxes ? "log10 " : "";
        string missing = string.Join(" ", ColumnsWithoutBoundary.Select(x => x.ToString("G3", CultureInfo.InvariantCulture)));
        if (Points.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"no boundary in any column ({xAxis} = {missing}); no line fit; no median {yAxis}*/{xAxis}");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"boundary points ({xAxis}, {yAxis}*): {string.Join(" ", Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.X:G3}, {p.Y:G3})")))}");
        if (ColumnsWithoutBoundary.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; no boundary at {xAxis} = {missing}");
        }

        text.Append(double.IsFinite(Slope)
            ? string.Create(CultureInfo.InvariantCulture, $"; fit {log}{yAxis}* = {Slope:F2} {log}{xAxis} + {Intercept:F2}")
            : string.Create(CultureInfo.InvariantCulture, $"; no line fit (a boundary in {Points.Count} column, a line needs 2)"));
        text.Append(CultureInfo.InvariantCulture, $"; median {yAxis}*/{xAxis} = {MedianRatio:G3}");
        return text.ToString();
    }
}

/// <summary>
/// A separating line from <see cref="PhaseDiagram.FitSeparatingLine"/>: w0 + wx u + wy v = 0 of a ridge-regularized
/// logistic regression of "lower phase" on (u, v) = (log10 x, log10 y) (or (x, y) on linear axes), written as
/// v = slope u + intercept.
/// </summary>
/// <param name="Slope">-wx / wy; NaN when the fit was not possible.</param>
/// <param name="Intercept">The line's v at u = 0.</param>
/// <param name="Cells">Cells used (those of a lower or upper phase).</param>
/// <param name="LogAxes">Whether the line is on log10 axes.</param>
public sealed record PhaseSeparatingLine(double Slope, double Intercept, int Cells, bool LogAxes)
{
    /// <summary>The line's y at <paramref name="x"/>.</summary>
    /// <param name="x">A coordinate (positive on log axes).</param>
    /// <returns>The line's y.</returns>
    public double YAt(double x) => LogAxes ? Math.Pow(10, (Slope * Math.Log10(x)) + Intercept) : (Slope * x) + Intercept;

    /// <summary>y / x on the line at <paramref name="x"/> (GenEFT's eta_dec / eta_enc at the boundary).</summary>
    /// <param name="x">A coordinate.</param>
    /// <returns>The ratio.</returns>
    public double RatioAt(double x) => YAt(x) / x;

    /// <summary>A one-line description with axis names and the ratio at <paramref name="atX"/>; "no logistic separating line" when the fit was not possible, never NaN.</summary>
    /// <param name="xAxis">The x name.</param>
    /// <param name="yAxis">The y name.</param>
    /// <param name="atX">Where to report y/x.</param>
    /// <returns>The text.</returns>
    public string Describe(string xAxis, string yAxis, double atX) => double.IsFinite(Slope)
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"logistic separating line over {Cells} cells: {(LogAxes ? "log10 " : "")}{yAxis} = {Slope:F2} {(LogAxes ? "log10 " : "")}{xAxis} + {Intercept:F2} " +
            $"(at {xAxis} = {atX:G3}: {yAxis}/{xAxis} = {RatioAt(atX):G3})")
        : string.Create(CultureInfo.InvariantCulture, $"no logistic separating line over {Cells} cells (fewer than 3, a phase group missing, or the groups do not depend on {yAxis})");
}
