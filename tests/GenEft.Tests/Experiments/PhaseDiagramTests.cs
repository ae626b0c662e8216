using GenEft.Experiments;
using Xunit;

namespace GenEft.Tests.Experiments;

/// <summary>Phase-diagram fits against synthetic maps whose boundary is known exactly.</summary>
public sealed class PhaseDiagramTests
{
    private const double H = 0.25; // grid step in log10

    // A log grid u_i = i H, v_j = j H (i, j in [0, 12]); generalization where v <= slope u + k H, memorization above.
    // The largest generalizing v in column i is then (slope i + k) H when slope is an integer, so the boundary estimate
    // (the midpoint in log10 between it and the next v) lies exactly on v = slope u + (k + 1/2) H.
    private static List<PhaseCell> StaircaseMap(int slope, int k, int replicates = 1)
    {
        var cells = new List<PhaseCell>();
        for (int i = 0; i <= 12; i++)
        {
            for (int j = 0; j <= 12; j++)
            {
                for (int r = 0; r < replicates; r++)
                {
                    var phase = j <= (slope * i) + k ? (r == 0 && i % 2 == 0 ? Phase.Grokking : Phase.Generalization) : Phase.Memorization;
                    cells.Add(new PhaseCell(Math.Pow(10, i * H), Math.Pow(10, j * H), phase));
                }
            }
        }

        return cells;
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, -3)]
    [InlineData(0, 5)]
    public void BoundaryPointsAndTheLeastSquaresLineAreExactOnAStaircase(int slope, int k)
    {
        var fit = PhaseDiagram.FitBoundary(StaircaseMap(slope, k));
        // Columns where the boundary lies inside the grid (the last generalizing row j = slope i + k in [0, 11]).
        int[] columns = Enumerable.Range(0, 13).Where(i => (slope * i) + k is >= 0 and <= 11).ToArray();
        Assert.Equal(columns.Select(i => Math.Pow(10, i * H)), fit.Points.Select(p => p.X));
        foreach (var (p, i) in fit.Points.Zip(columns))
        {
            Assert.Equal(((slope * i) + k + 0.5) * H, Math.Log10(p.Y), 12);
        }

        Assert.Equal(slope, fit.Slope, 10);
        Assert.Equal((k + 0.5) * H, fit.Intercept, 10);
        Assert.Equal(Math.Pow(10, (k + 0.5) * H), fit.YAt(1), 10); // at x = 1 the line's y is 10^intercept
        if (slope == 1)
        {
            // y*/x is the same in every column: 10^((k + 1/2) H).
            Assert.Equal(Math.Pow(10, (k + 0.5) * H), fit.MedianRatio, 10);
        }
    }

    [Fact]
    public void ReplicatesVoteAndMinorityPhasesDoNotMoveTheBoundary()
    {
        var cells = StaircaseMap(1, 2, replicates: 3);
        // In every cell one replicate of three disagrees: the majority still decides.
        for (int n = 0; n < cells.Count; n += 3)
        {
            cells[n] = cells[n] with { Phase = cells[n].Phase == Phase.Memorization ? Phase.Generalization : Phase.Memorization };
        }

        var fit = PhaseDiagram.FitBoundary(cells);
        Assert.Equal(1, fit.Slope, 10);
        Assert.Equal(2.5 * H, fit.Intercept, 10);
    }

    [Fact]
    public void SeparatingLineSeparatesTheStaircaseAlongItsBoundary()
    {
        var cells = StaircaseMap(1, 2);
        var line = PhaseDiagram.FitSeparatingLine(cells, new PhaseDiagramOptions { Ridge = 1e-4 });
        // Separable data: the ridge-limited logistic fit approaches the maximum-margin line v = u + 2.5 H.
        Assert.Equal(1, line.Slope, 0.01);
        Assert.Equal(2.5 * H, line.Intercept, 0.01);
        Assert.All(cells, c => Assert.Equal(c.Phase != Phase.Memorization, Math.Log10(c.Y) < Math.Log10(line.YAt(c.X))));
        Assert.Equal(Math.Pow(10, 2.5 * H), line.RatioAt(1e-3), 0.05);
    }

    [Fact]
    public void SeparatingLineRecoversAKnownLogisticModel()
    {
        // Labels drawn from P(lower) = σ(3 (v - 0.5 u - 1)): the maximum-likelihood line is v = 0.5 u + 1.
        var random = new Random(4);
        var cells = new List<PhaseCell>();
        for (int n = 0; n < 20_000; n++)
        {
            double u = -2 + (4 * random.NextDouble()), v = -2 + (4 * random.NextDouble());
            double p = 1 / (1 + Math.Exp(-3 * (1 + (0.5 * u) - v)));
            cells.Add(new PhaseCell(Math.Pow(10, u), Math.Pow(10, v), random.NextDouble() < p ? Phase.Generalization : Phase.Memorization));
        }

        var line = PhaseDiagram.FitSeparatingLine(cells, new PhaseDiagramOptions { Ridge = 1e-6 });
        Assert.InRange(line.Slope, 0.45, 0.55);
        Assert.InRange(line.Intercept, 0.95, 1.05);
        Assert.Equal(20_000, line.Cells);
    }

    [Fact]
    public void LinearAxesUseArithmeticMidpointsAndOtherPhasesAreLeftOut()
    {
        var cells = new List<PhaseCell>();
        for (int x = 0; x <= 4; x++)
        {
            for (int y = 0; y <= 6; y++)
            {
                cells.Add(new PhaseCell(x, y, y <= x + 1 ? Phase.Generalization : Phase.Memorization));
            }

            cells.Add(new PhaseCell(x, 7, Phase.Confusion));
        }

        var options = new PhaseDiagramOptions { LogAxes = false };
        var fit = PhaseDiagram.FitBoundary(cells, options);
        Assert.Equal([1.5, 2.5, 3.5, 4.5, 5.5], fit.Points.Select(p => p.Y));
        Assert.Equal(1, fit.Slope, 12);
        Assert.Equal(1.5, fit.Intercept, 12);
        Assert.Equal(5 * 8, cells.Count);
        Assert.Equal(5 * 7, PhaseDiagram.FitSeparatingLine(cells, options).Cells);
    }

    [Fact]
    public void DegenerateMapsGiveNaNAndBadCoordinatesAreRejected()
    {
        var one = PhaseDiagram.FitBoundary([new PhaseCell(1, 1, Phase.Generalization), new PhaseCell(1, 10, Phase.Memorization)]);
        Assert.Single(one.Points);
        Assert.True(double.IsNaN(one.Slope));
        Assert.Equal(Math.Sqrt(10), one.MedianRatio, 12);
        Assert.True(double.IsNaN(PhaseDiagram.FitSeparatingLine([new PhaseCell(1, 1, Phase.Generalization), new PhaseCell(2, 1, Phase.Generalization), new PhaseCell(3, 1, Phase.Generalization)]).Slope));
        Assert.Throws<ArgumentException>("cells", () => PhaseDiagram.FitBoundary([new PhaseCell(0, 1, Phase.Generalization)]));
        Assert.Throws<ArgumentException>("Lower", () => new PhaseDiagramOptions { Lower = new HashSet<Phase>() });
    }

    [Fact]
    public void RenderAndFromRowsRoundTripThroughSweepRows()
    {
        var rows = new[]
        {
            new SweepRow(0, "x=1;y=1", 0, [new("x", 1.0), new("y", 1.0)], [new("phase", "Generalization")]),
            new SweepRow(1, "x=1;y=10", 0, [new("x", 1.0), new("y", 10.0)], [new("phase", "Memorization")]),
            new SweepRow(2, "x=10;y=1", 0, [new("x", 10.0), new("y", 1.0)], [new("phase", "Grokking")]),
        };
        var cells = PhaseDiagram.FromRows(rows, "x", "y");
        Assert.Equal(new PhaseCell(10, 1, Phase.Grokking), cells[2]);
        Assert.Equal("        10 M." + Environment.NewLine + "         1 GK" + Environment.NewLine, PhaseDiagram.Render(cells));
        Assert.Throws<FormatException>(() => PhaseDiagram.FromRows([rows[0] with { Values = [new("phase", "Melting")] }], "x", "y"));
    }

    [Fact]
    public void DescribeNamesColumnsWithoutABoundaryAndAMissingFitInsteadOfPrintingNaN()
    {
        // A 3 x 3 map: column x = 1 changes from generalization (y = 1, 10) to memorization (y = 100); columns 10 and 100
        // generalize everywhere. One boundary point (1, sqrt(10 * 100)), so no line; median y*/x = 31.6.
        var cells = new List<PhaseCell>();
        foreach (double x in new[] { 1.0, 10, 100 })
        {
            foreach (double y in new[] { 1.0, 10, 100 })
            {
                cells.Add(new PhaseCell(x, y, x == 1 && y == 100 ? Phase.Memorization : Phase.Generalization));
            }
        }

        var fit = PhaseDiagram.FitBoundary(cells);
        Assert.Equal([new BoundaryPoint(1, Math.Sqrt(1000))], fit.Points);
        Assert.Equal([10.0, 100.0], fit.ColumnsWithoutBoundary);
        Assert.True(double.IsNaN(fit.Slope));
        string text = fit.Describe("eta_enc", "eta_dec");
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Equal("boundary points (eta_enc, eta_dec*): (1, 31.6); no boundary at eta_enc = 10 100; no line fit (a boundary in 1 column, a line needs 2); median eta_dec*/eta_enc = 31.6", text);

        // No boundary anywhere (all generalization): every part says so, and the logistic line is missing too.
        var flat = cells.Select(c => c with { Phase = Phase.Generalization }).ToList();
        var none = PhaseDiagram.FitBoundary(flat);
        Assert.Empty(none.Points);
        Assert.Equal("no boundary in any column (eta_enc = 1 10 100); no line fit; no median eta_dec*/eta_enc", none.Describe("eta_enc", "eta_dec"));
        var line = PhaseDiagram.FitSeparatingLine(flat);
        Assert.True(double.IsNaN(line.Slope));
        Assert.StartsWith("no logistic separating line over 9 cells", line.Describe("eta_enc", "eta_dec", 1), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", line.Describe("eta_enc", "eta_dec", 1), StringComparison.Ordinal);
    }
}
