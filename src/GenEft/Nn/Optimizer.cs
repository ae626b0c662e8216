using System.Numerics;

namespace GenEft.Nn;

/// <summary>
/// Updates parameters from their accumulated gradients, group by group. The built-in subclasses follow PyTorch's
/// update formulas (torch.optim, version 1.13) exactly, per element, in the element type.
/// </summary>
/// <remarks>
/// To write an optimizer, derive from this class and override <see cref="Update"/>: <see cref="Step"/> increments
/// <see cref="StepCount"/> and then calls it once per parameter, group by group, with the parameter's position over
/// all groups (use it to index per-parameter state from <see cref="StatePerParameter"/>). Read the gradient from
/// <see cref="Parameter{T}.Grad"/>, the group's rate and coefficients from <see cref="ParameterGroup{T}"/>, and
/// write the new value into <see cref="Parameter{T}.Value"/> in place.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public abstract class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ParameterGroup<T>[] _groups;

    /// <summary>Checks the groups and keeps them.</summary>
    /// <param name="groups">At least one group; no parameter may appear in two groups.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or a group is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="groups"/> is empty, or a parameter appears twice.</exception>
    protected Optimizer(IEnumerable<ParameterGroup<T>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _groups = groups.ToArray();
        if (_groups.Length == 0)
        {
            throw new ArgumentException("At least one parameter group is needed.", nameof(groups));
        }

        var seen = new HashSet<Parameter<T>>(ReferenceEqualityComparer.Instance);
        for (int g = 0; g < _groups.Length; g++)
        {
            if (_groups[g] is null)
            {
                throw new ArgumentNullException(nameof(groups), $"Group {g} is null.");
            }

            foreach (var p in _groups[g].Parameters)
            {
                if (!seen.Add(p))
                {
                    throw new ArgumentException($"Parameter \"{p.Name}\" {p.Value.Shape} appears in more than one group (again in group {g}).", nameof(groups));
                }
            }
        }
    }

    /// <summary>The parameter groups; their rates and coefficients may be changed between steps.</summary>
    public IReadOnlyList<ParameterGroup<T>> Groups => _groups;

    /// <summary>The number of steps taken.</summary>
    public long StepCount { get; private set; }

    /// <summary>Applies one update to every parameter from its current gradient. Allocates nothing.</summary>
    public void Step()
    {
        StepCount++;
        int index = 0;
        foreach (var group in _groups)
        {
            var parameters = group.Parameters;
            for (int i = 0; i < parameters.Count; i++)
            {
                Update(group, parameters[i], index++);
            }
        }
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var group in _groups)
        {
            var parameters = group.Parameters; // indexed, not foreach: an interface enumerator would allocate
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].ZeroGrad();
            }
        }
    }

    /// <summary>Updates one parameter in place from its gradient (called by <see cref="Step"/> after <see cref="StepCount"/> was incremented).</summary>
    /// <param name="group">Its group (learning rate, weight decay, L1 coefficient).</param>
    /// <param name="parameter">The parameter.</param>
    /// <param name="index">Its position over all groups, in [0, <see cref="ParameterCount"/>), for per-parameter state.</param>
    protected abstract void Update(ParameterGroup<T> group, Parameter<T> parameter, int index);

    /// <summary>The number of parameters over all groups.</summary>
    protected int ParameterCount => _groups.Sum(g => g.Parameters.Count);

    /// <summary>One zero tensor per parameter (in <see cref="Update"/>'s index order), shaped like it, for optimizer state.</summary>
    /// <returns>The new state tensors.</returns>
    protected Tensors.DenseTensor<T>[] StatePerParameter()
        => _groups.SelectMany(g => g.Parameters).Select(p => Tensors.DenseTensor<T>.Zeros(p.Value.Shape)).ToArray();

    /// <summary>g + λ·p + μ·sign(p) (sign 0 at 0): the gradient with coupled weight decay and the L1 term.</summary>
    /// <param name="g">The loss gradient of one entry.</param>
    /// <param name="p">The entry's value.</param>
    /// <param name="weightDecay">λ.</param>
    /// <param name="l1">μ.</param>
    /// <returns>The regularized gradient.</returns>
    protected static T RegularizedGradient(T g, T p, T weightDecay, T l1)
    {
        if (weightDecay != T.Zero)
        {
            g += weightDecay * p;
        }

        if (l1 != T.Zero)
        {
            g += p > T.Zero ? l1 : p < T.Zero ? -l1 : T.Zero;
        }

        return g;
    }

    /// <summary>Checks a coefficient that must be in [0, 1) (a momentum or a β).</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter's name for the exception.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside [0, 1).</exception>
    protected static double UnitInterval(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [0, 1).");
        }

        return value;
    }
}
