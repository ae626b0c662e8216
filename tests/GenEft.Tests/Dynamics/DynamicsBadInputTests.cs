using GenEft.Dynamics;
using GenEft.Dynamics.Repons;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Dynamics;

/// <summary>
/// The sweep of the Dynamics entry points for silent NaN and deep exceptions (issue 14): huge but finite inputs whose
/// arithmetic overflows, NaN event functions, NaN targets and states.
/// </summary>
public class DynamicsBadInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public void HugeFiniteStatesGetTheirOutcomeAndLimitWithoutOverflow()
    {
        // eta_x a2^2 - k eta_A c^2 overflows to inf - inf = NaN for these; the sign is still well defined.
        var system = new ReducedReponSystem(1, 2); // k = 2, so C > 0 iff 2 a2^2 > 2 c^2 iff |a2| > |c|
        var collide = new ReducedReponState(1e200, 0.5e200);
        var memorize = new ReducedReponState(0.5e200, -1e200);
        Assert.Equal(ReponOutcome.Collision, system.Outcome(collide));
        Assert.Equal(ReponOutcome.Memorization, system.Outcome(memorize));
        Assert.Equal(ReponOutcome.Separatrix, system.Outcome(new ReducedReponState(-3e250, 3e250)));
        // C > 0: a2 -> sign(a2) sqrt(a2^2 - (k eta_A / eta_x) c^2) = sqrt(1 - 0.25) 1e200.
        var limit = system.Limit(collide);
        Assert.Equal(Math.Sqrt(0.75) * 1e200, limit.A2, 1e-15 * 1e200);
        Assert.Equal(0.0, limit.C);
        var other = system.Limit(memorize);
        Assert.Equal(0.0, other.A2);
        Assert.Equal(-Math.Sqrt(0.75) * 1e200, other.C, 1e-15 * 1e200);
        // C itself exceeds the double range: +-infinity, never NaN.
        Assert.Equal(double.PositiveInfinity, system.ConservedQuantity(collide));
        Assert.Equal(double.NegativeInfinity, system.ConservedQuantity(memorize));
        Assert.Equal(0.0, system.ConservedQuantity(new ReducedReponState(-3e250, 3e250)));
    }

    [Fact]
    public void PhasePortraitRejectsStartsWhoseSlopeOverflowsByName()
    {
        var system = new ReducedReponSystem(1, 1);
        var e = Bounded.Run(() => Assert.Throws<ArgumentOutOfRangeException>("starts", () => ReponPhasePortrait.Trajectories(system, [new(1, 1), new(1e200, 1e200)], 10, 5)), Limit);
        Assert.Contains("starts[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonteCarloRejectsScalesWhoseDynamicsOverflow()
    {
        var system = new ReducedReponSystem(1, 1);
        Assert.Throws<ArgumentOutOfRangeException>("sigmaA", () => new ReponCollisionMonteCarlo(system, 1e200, 1));
        Assert.Throws<ArgumentOutOfRangeException>("sigmaC", () => new ReponCollisionMonteCarlo(system, 1, 1e200));
        // Large but safe scales still run (the outcome depends only on sigma_a / sigma_c): Eq. 12 at ratio 1.
        var estimate = Bounded.Run(() => new ReponCollisionMonteCarlo(system, 1e90, 1e90).Estimate(4096, 7), Limit);
        Assert.Equal(0, estimate.Undecided);
        Assert.Equal(ReponCollisionProbability.TwoRepons(1, 1, 1, 1), estimate.Probability, 5 * estimate.StandardError);
    }

    [Fact]
    public void RelativeSystemRejectsNonFiniteStates()
    {
        var system = new RelativeReponSystem(2, 2, 1, 1);
        double[] state = [1, 0, 0, 1, double.NaN, 0.5];
        Assert.Throws<ArgumentOutOfRangeException>("state", () => system.Outcome(state));
        Assert.Throws<ArgumentOutOfRangeException>("state", () => system.ConservedMatrix(state, new double[4]));
    }

    [Fact]
    public void SameClassSystemRejectsANonFiniteTarget()
        => Assert.Throws<ArgumentException>("target", () => new SameClassReponSystem(2, 2, 2, 1, 1, [0, double.NaN]));

    [Theory]
    [InlineData("DormandPrince54")]
    [InlineData("RungeKutta4")]
    public void AnEventThatIsNaNAtTheStartIsRejected(string solverName)
    {
        IOdeSolver solver = solverName == "RungeKutta4" ? new RungeKutta4Solver(0.01) : new DormandPrince54Solver();
        IOdeEvent[] events = [new OdeEvent((_, y) => y[0] - 0.5), new OdeEvent((_, y) => Math.Sqrt(-y[0]))];
        double[] y = [1.0];
        var e = Bounded.Run(() => Assert.Throws<ArgumentException>("request", () => solver.Solve(new ExponentialDecay(1), 0, y, 1, y, new OdeRequest { Events = events })), Limit);
        Assert.Contains("Events[1]", e.Message, StringComparison.Ordinal);
    }
}
