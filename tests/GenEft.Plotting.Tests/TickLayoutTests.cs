using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace GenEft.Plotting.Tests;

public class TickLayoutTests
{
    [Fact]
    public void UnitIntervalGetsTenthsOrFifths()
    {
        var majors = TickLayout.Linear(0, 1, 6).Where(t => t.IsMajor).ToArray();
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], majors.Select(t => t.Position));
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], majors.Select(t => t.Label));
        Assert.Equal(11, TickLayout.Linear(0, 1, 11).Count(t => t.IsMajor));
    }

    [Fact]
    public void NarrowRangeAroundTheOldBugKeepsItsDigits()
    {
        // Ticks between 1.2e-3 and 2e-3: the old plotter rounded 1.6e-3 and 1.8e-3 to "0.002".
        var labels = TickLayout.Linear(0.0012, 0.002, 5).Where(t => t.IsMajor).Select(t => t.Label).ToArray();
        Assert.Equal(["0.0012", "0.0014", "0.0016", "0.0018", "0.0020"], labels);
    }

    [Fact]
    public void MinorTicksSubdivideWithinTheRange()
    {
        var ticks = TickLayout.Linear(0, 10, 3);
        Assert.Equal([0, 5, 10], ticks.Where(t => t.IsMajor).Select(t => t.Position));
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9], ticks.Where(t => !t.IsMajor).Select(t => t.Position).Order());
        Assert.All(ticks.Where(t => !t.IsMajor), t => Assert.Equal(string.Empty, t.Label));
    }

    [Fact]
    public void DecadesAreLabelledWithMinorTicksBetween()
    {
        var ticks = TickLayout.Logarithmic(-5, -2, 10);
        Assert.Equal(["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²"], ticks.Where(t => t.IsMajor).Select(t => t.Label));
        var minors = ticks.Where(t => !t.IsMajor).Select(t => t.Position).ToArray();
        Assert.Equal(3 * 8, minors.Length);
        Assert.Contains(minors, p => Math.Abs(p - Math.Log10(2e-5)) < 1e-12);
        Assert.Contains(minors, p => Math.Abs(p - Math.Log10(9e-3)) < 1e-12);
    }

    [Fact]
    public void ManyDecadesAreThinned()
    {
        var majors = TickLayout.Logarithmic(-12, 12, 6).Where(t => t.IsMajor).ToArray();
        Assert.True(majors.Length <= 6, $"{majors.Length} labels");
        Assert.Equal(["10⁻¹⁰", "10⁻⁵", "10⁰", "10⁵", "10¹⁰"], majors.Select(t => t.Label));
    }

    [Fact]
    public void FewDecadesUseOneTwoFive()
    {
        // 0.5 .. 5 holds only the power 10^0: label 0.5, 1, 2, 5 in plain numbers.
        var majors = TickLayout.Logarithmic(Math.Log10(0.5), Math.Log10(5), 10).Where(t => t.IsMajor).ToArray();
        Assert.Equal(["0.5", "1", "2", "5"], majors.Select(t => t.Label));
        Assert.Equal(Math.Log10(2), majors[2].Position, 12);
        // 1 .. 10 (cluster sizes) holds two powers of ten: still 1, 2, 5, 10 rather than two lone decades.
        Assert.Equal(["1", "2", "5", "10"], TickLayout.Logarithmic(0, 1, 10).Where(t => t.IsMajor).Select(t => t.Label));
    }

    [Fact]
    public void BadRangesNameTheParameter()
    {
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => TickLayout.Linear(1, 1, 5)).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => TickLayout.Linear(double.NaN, 1, 5)).ParamName);
        Assert.Equal("maxLog10", Assert.Throws<ArgumentOutOfRangeException>(() => TickLayout.Logarithmic(2, 1, 5)).ParamName);
        Assert.Equal("maxLabels", Assert.Throws<ArgumentOutOfRangeException>(() => TickLayout.Linear(0, 1, 1)).ParamName);
    }

    // Any range at any magnitude: at most maxLabels labels, all distinct, each reading back as its own position.
    [Property(MaxTest = 500)]
    public Property LinearLabelsAreDistinctAndTrue() =>
        Prop.ForAll(
            (from start in Gen.Choose(-9000, 9000)
             from width in Gen.Choose(1, 100_000)
             from exponent in Gen.Choose(-12, 12)
             from maxLabels in Gen.Choose(2, 12)
             select (start, width, exponent, maxLabels)).ToArbitrary(),
            c =>
            {
                var (start, width, exponent, maxLabels) = c;
                double scale = Math.Pow(10, exponent), min = start / 1000.0 * scale, max = min + (width / 10_000.0 * scale);
                var majors = TickLayout.Linear(min, max, maxLabels).Where(t => t.IsMajor).ToArray();
                double step = majors.Length > 1 ? majors[1].Position - majors[0].Position : max - min;
                return majors.Length >= 1 && majors.Length <= maxLabels
                    && majors.Select(t => t.Label).Distinct().Count() == majors.Length
                    && majors.All(t => t.Position >= min - (1e-9 * step) && t.Position <= max + (1e-9 * step))
                    && majors.All(t => Math.Abs(LabelParser.Parse(t.Label) - t.Position) <= 1e-9 * step);
            });

    [Property(MaxTest = 300)]
    public Property LogLabelsAreDistinctAndTrue() =>
        Prop.ForAll(
            Gen.Choose(-2000, 2000).ToArbitrary(),
            Gen.Choose(1, 3000).ToArbitrary(),
            Gen.Choose(2, 12).ToArbitrary(),
            (start, width, maxLabels) =>
            {
                double lo = start / 100.0, hi = lo + (width / 100.0);
                var majors = TickLayout.Logarithmic(lo, hi, maxLabels).Where(t => t.IsMajor).ToArray();
                return majors.Select(t => t.Label).Distinct().Count() == majors.Length
                    && majors.All(t => t.Position >= lo - 1e-9 && t.Position <= hi + 1e-9)
                    && majors.All(t => Math.Abs(Math.Log10(LabelParser.Parse(t.Label)) - t.Position) < 1e-9);
            });
}
