using Xunit;

namespace GenEft.Plotting.Tests;

public class TickFormatterTests
{
    [Theory]
    [InlineData(0.0016, 0.0002, "0.0016")] // the old plotter printed "0.002"
    [InlineData(0.0016, 0.0004, "0.0016")]
    [InlineData(0.6, 0.2, "0.6")]
    [InlineData(1.0, 0.25, "1.00")]
    [InlineData(-0.4, 0.2, "-0.4")]
    [InlineData(25.0, 5.0, "25")]
    [InlineData(1e-17, 0.1, "0.0")] // floating-point noise at zero
    [InlineData(-1e-17, 0.1, "0.0")]
    [InlineData(0.0, 5.0, "0")]
    [InlineData(0.0, 5e-6, "0")]
    [InlineData(0.0001, 0.0001, "0.0001")]
    [InlineData(99999.0, 1.0, "99999")]
    public void PlainDecimalsShowWhatTheStepResolves(double value, double step, string expected) =>
        Assert.Equal(expected, TickFormatter.Linear(value, step));

    [Theory]
    [InlineData(1.5e-5, 5e-6, "1.5×10⁻⁵")]
    [InlineData(1e-4, 5e-5, "1×10⁻⁴")]
    [InlineData(3e7, 1e7, "3×10⁷")]
    [InlineData(2.5e6, 5e5, "2.5×10⁶")]
    [InlineData(-2e-6, 1e-6, "-2×10⁻⁶")]
    [InlineData(9.999e-6, 1e-8, "1×10⁻⁵")] // rounding carries the mantissa to 10
    [InlineData(1.2345e-5, 1e-9, "1.2345×10⁻⁵")]
    public void TinyAndHugeStepsUsePowersOfTen(double value, double step, string expected) =>
        Assert.Equal(expected, TickFormatter.Linear(value, step));

    [Theory]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "10⁰")]
    [InlineData(1, "10¹")]
    [InlineData(12, "10¹²")]
    [InlineData(-10, "10⁻¹⁰")]
    public void DecadesAreSuperscripted(int exponent, string expected) => Assert.Equal(expected, TickFormatter.PowerOfTen(exponent));

    [Theory]
    [InlineData(0.0015849, 2, "0.0016")]
    [InlineData(3.16227, 3, "3.16")]
    [InlineData(1.5e-5, 2, "1.5×10⁻⁵")]
    [InlineData(123456.0, 2, "1.2×10⁵")]
    [InlineData(0.099999, 2, "0.10")]
    [InlineData(-42.0, 1, "-40")]
    [InlineData(0.0, 3, "0")]
    [InlineData(double.NaN, 3, "NaN")]
    [InlineData(double.NegativeInfinity, 3, "-∞")]
    public void SignificantDigits(double value, int digits, string expected) => Assert.Equal(expected, TickFormatter.Significant(value, digits));

    [Fact]
    public void BadInputNamesTheParameter()
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => TickFormatter.Linear(double.NaN, 1)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => TickFormatter.Linear(1, 0)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => TickFormatter.Linear(1, double.PositiveInfinity)).ParamName);
        Assert.Equal("digits", Assert.Throws<ArgumentOutOfRangeException>(() => TickFormatter.Significant(1, 0)).ParamName);
        Assert.Equal("digits", Assert.Throws<ArgumentOutOfRangeException>(() => TickFormatter.Significant(1, 16)).ParamName);
    }
}
