using System.Numerics;

namespace GenEft.Nn;

/// <summary>
/// Updates parameters from their accumulated gradients, group by group. Subclasses follow PyTorch's update
/// formulas (torch.optim, version 1.13) exactly, per element, in the element type.
/// </summary>
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

    /// <summary>Updates one parameter.</summary>
    /// <param name="group">Its group.</param>
    /// <param name="parameter">The parameter.</param>
    /// <param name="index">Its position over all groups, for per-parameter state.</param>
    private protected abstract void Update(ParameterGroup<T> group, Parameter<T> parameter, int index);

    /// <summary>The number of parameters over all groups.</summary>
    private protected int ParameterCount => _groups.Sum(g => g.Parameters.Count);

    /// <summary>One zero tensor per parameter, shaped like it, for optimizer state.</summary>
    private protected Tensors.DenseTensor<T>[] StatePerParameter()
        => _groups.SelectMany(g => g.Parameters).Select(p => Tensors.DenseTensor<T>.Zeros(p.Value.Shape)).ToArray();

    /// <summary>g + λ·p + μ·sign(p): the gradient with coupled weight decay and the L1 term.</summary>
    private protected static T RegularizedGradient(T g, T p, T weightDecay, T l1)
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

    /// <summary>A coefficient that must be in [0, 1).</summary>
    private protected static double UnitInterval(double value, string paramName)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [0, 1).");
        }

        return value;
    }
}
