using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>
/// Stochastic gradient descent with optional momentum and Nesterov momentum, as torch.optim.SGD:
/// g ← ∇ + λp (+ μ sign p); b ← g on the first step, else m·b + (1 - dampening)·g; g ← g + m·b (Nesterov)
/// or b; p ← p - lr·g.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Sgd<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DenseTensor<T>[]? _momentumBuffers;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="momentum">The momentum factor m in [0, 1); 0 disables momentum.</param>
    /// <param name="nesterov">Whether to use Nesterov momentum (needs a positive momentum and zero dampening).</param>
    /// <param name="dampening">The dampening in [0, 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentException">The groups are empty or repeat a parameter, or Nesterov is asked without momentum or with dampening.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="momentum"/> or <paramref name="dampening"/> is outside [0, 1).</exception>
    public Sgd(IEnumerable<ParameterGroup<T>> groups, double momentum = 0, bool nesterov = false, double dampening = 0)
        : base(groups)
    {
        Momentum = UnitInterval(momentum, nameof(momentum));
        Dampening = UnitInterval(dampening, nameof(dampening));
        if (nesterov && (momentum == 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum needs a positive momentum and zero dampening.", nameof(nesterov));
        }

        Nesterov = nesterov;
        _momentumBuffers = momentum > 0 ? StatePerParameter() : null;
    }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>The dampening.</summary>
    public double Dampening { get; }

    /// <inheritdoc/>
    protected override void Update(ParameterGroup<T> group, Parameter<T> parameter, int index)
    {
        T lr = T.CreateChecked(group.LearningRate), wd = T.CreateChecked(group.WeightDecay), l1 = T.CreateChecked(group.L1);
        T m = T.CreateChecked(Momentum), keep = T.CreateChecked(1 - Dampening);
        Span<T> p = parameter.Value.Span;
        ReadOnlySpan<T> grad = parameter.Grad.ReadOnlySpan;
        Span<T> buf = _momentumBuffers is null ? default : _momentumBuffers[index].Span;
        bool first = StepCount == 1;
        for (int i = 0; i < p.Length; i++)
        {
            T g = RegularizedGradient(grad[i], p[i], wd, l1);
            if (_momentumBuffers is not null)
            {
                buf[i] = first ? g : (m * buf[i]) + (keep * g);
                g = Nesterov ? g + (m * buf[i]) : buf[i];
            }

            p[i] -= lr * g;
        }
    }
}
