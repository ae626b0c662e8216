using System.Numerics;

namespace GenEft.Nn;

/// <summary>
/// Parameters that share optimizer settings: a learning rate, a weight decay and an L1 coefficient (the
/// GenEFT experiments give the encoder and the decoder separate rates and decays).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ParameterGroup<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private double _learningRate;
    private double _weightDecay;
    private double _l1;

    /// <summary>Creates a group.</summary>
    /// <param name="parameters">At least one parameter, none repeated.</param>
    /// <param name="learningRate">The step size, non-negative and finite.</param>
    /// <param name="weightDecay">L2 weight decay λ, non-negative and finite: added to the gradient as λ·p (SGD, Adam) or decoupled (AdamW).</param>
    /// <param name="l1">L1 coefficient μ, non-negative and finite: μ·sign(p) is added to the gradient (the gradient of μ·Σ|p|).</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or repeats a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is negative, NaN or infinite.</exception>
    public ParameterGroup(IEnumerable<Parameter<T>> parameters, double learningRate, double weightDecay = 0, double l1 = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A parameter group needs at least one parameter.", nameof(parameters));
        }

        var seen = new HashSet<Parameter<T>>(ReferenceEqualityComparer.Instance);
        foreach (var p in list)
        {
            if (p is null)
            {
                throw new ArgumentNullException(nameof(parameters), "A parameter in the group is null.");
            }

            if (!seen.Add(p))
            {
                throw new ArgumentException($"Parameter \"{p.Name}\" {p.Value.Shape} appears twice in the group.", nameof(parameters));
            }
        }

        Parameters = list;
        _learningRate = NonNegativeFinite(learningRate, nameof(learningRate));
        _weightDecay = NonNegativeFinite(weightDecay, nameof(weightDecay));
        _l1 = NonNegativeFinite(l1, nameof(l1));
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The step size; may be changed between steps (a schedule).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative, NaN or infinite value.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = NonNegativeFinite(value, nameof(LearningRate));
    }

    /// <summary>The weight decay λ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative, NaN or infinite value.</exception>
    public double WeightDecay
    {
        get => _weightDecay;
        set => _weightDecay = NonNegativeFinite(value, nameof(WeightDecay));
    }

    /// <summary>The L1 coefficient μ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative, NaN or infinite value.</exception>
    public double L1
    {
        get => _l1;
        set => _l1 = NonNegativeFinite(value, nameof(L1));
    }

    internal static double NonNegativeFinite(double value, string paramName)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be non-negative and finite.");
        }

        return value;
    }
}
