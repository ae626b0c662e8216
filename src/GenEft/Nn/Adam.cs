using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>
/// Adam (Kingma and Ba), as torch.optim.Adam: g ← ∇ + λp (+ μ sign p); m ← β₁m + (1 - β₁)g;
/// v ← β₂v + (1 - β₂)g²; p ← p - (lr / (1 - β₁ᵗ)) · m / (√v / √(1 - β₂ᵗ) + ε). With
/// <see cref="DecoupledWeightDecay"/> (AdamW, torch.optim.AdamW) the decay is applied as p ← p(1 - lr·λ)
/// before the step instead of being added to the gradient.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public class Adam<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly DenseTensor<T>[] _m;
    private readonly DenseTensor<T>[] _v;

    /// <summary>Creates the optimizer with coupled (L2) weight decay.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="beta1">The first-moment decay β₁ in [0, 1).</param>
    /// <param name="beta2">The second-moment decay β₂ in [0, 1).</param>
    /// <param name="epsilon">The denominator offset ε, positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentException">The groups are empty or repeat a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A β is outside [0, 1) or ε is not positive and finite.</exception>
    public Adam(IEnumerable<ParameterGroup<T>> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : this(groups, beta1, beta2, epsilon, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<ParameterGroup<T>> groups, double beta1, double beta2, double epsilon, bool decoupled)
        : base(groups)
    {
        Beta1 = UnitInterval(beta1, nameof(beta1));
        Beta2 = UnitInterval(beta2, nameof(beta2));
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive and finite.");
        }

        Epsilon = epsilon;
        DecoupledWeightDecay = decoupled;
        _m = StatePerParameter();
        _v = StatePerParameter();
    }

    /// <summary>The first-moment decay β₁.</summary>
    public double Beta1 { get; }

    /// <summary>The second-moment decay β₂.</summary>
    public double Beta2 { get; }

    /// <summary>The denominator offset ε.</summary>
    public double Epsilon { get; }

    /// <summary>Whether weight decay is decoupled from the gradient (AdamW).</summary>
    public bool DecoupledWeightDecay { get; }

    /// <summary>
    /// Flush subnormal moments to zero after each update: m ← 0 where |m| is below the element type's smallest
    /// normal number (float 2^-126 ≈ 1.18e-38), and the same for v (which underflows first, being g²), keeping the
    /// sign. Arithmetic on subnormals is slow on x86 and .NET has no flush-to-zero switch; the change to a moment is
    /// below 1.2e-38 in absolute value, and a flushed v only makes the step m / (√v̂ + ε) use ε alone, as it does
    /// once v underflows anyway. Default false (exactly torch.optim's formulas). May be changed between steps.
    /// </summary>
    public bool FlushSubnormals { get; set; }

    /// <inheritdoc/>
    protected override void Update(ParameterGroup<T> group, Parameter<T> parameter, int index)
    {
        // Scalars in double as torch computes them in Python, then rounded to the element type.
        double biasCorrection1 = 1 - Math.Pow(Beta1, StepCount);
        double biasCorrection2 = 1 - Math.Pow(Beta2, StepCount);
        T stepSize = T.CreateChecked(group.LearningRate / biasCorrection1);
        T sqrtBc2 = T.CreateChecked(Math.Sqrt(biasCorrection2));
        T b1 = T.CreateChecked(Beta1), b2 = T.CreateChecked(Beta2);
        T oneMinusB1 = T.CreateChecked(1 - Beta1), oneMinusB2 = T.CreateChecked(1 - Beta2);
        T eps = T.CreateChecked(Epsilon), l1 = T.CreateChecked(group.L1);
        T wd = DecoupledWeightDecay ? T.Zero : T.CreateChecked(group.WeightDecay);
        T decay = T.CreateChecked(1 - (group.LearningRate * group.WeightDecay));
        bool decoupled = DecoupledWeightDecay && group.WeightDecay != 0;
        bool flush = FlushSubnormals;

        Span<T> p = parameter.Value.Span, m = _m[index].Span, v = _v[index].Span;
        ReadOnlySpan<T> grad = parameter.Grad.ReadOnlySpan;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            // The same IEEE operations in the same order as the scalar loop below, a vector at a time.
            var vb1 = new Vector<T>(b1);
            var vb2 = new Vector<T>(b2);
            var vOneMinusB1 = new Vector<T>(oneMinusB1);
            var vOneMinusB2 = new Vector<T>(oneMinusB2);
            var vSqrtBc2 = new Vector<T>(sqrtBc2);
            var vEps = new Vector<T>(eps);
            var vNegStep = new Vector<T>(-stepSize);
            var vWd = new Vector<T>(wd);
            var vL1 = new Vector<T>(l1);
            var vDecay = new Vector<T>(decay);
            for (; i <= p.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var pv = new Vector<T>(p.Slice(i));
                var g = new Vector<T>(grad.Slice(i));
                if (wd != T.Zero)
                {
                    g += vWd * pv;
                }

                if (l1 != T.Zero)
                {
                    g += Vector.ConditionalSelect(
                        Vector.GreaterThan(pv, Vector<T>.Zero),
                        vL1,
                        Vector.ConditionalSelect(Vector.LessThan(pv, Vector<T>.Zero), -vL1, Vector<T>.Zero));
                }

                if (decoupled)
                {
                    pv *= vDecay;
                }

                var mv = (new Vector<T>(m.Slice(i)) * vb1) + (g * vOneMinusB1);
                var vv = (new Vector<T>(v.Slice(i)) * vb2) + (vOneMinusB2 * g * g);
                if (flush)
                {
                    mv = SubnormalFlush.Flush(mv);
                    vv = SubnormalFlush.Flush(vv);
                }

                var denom = (Vector.SquareRoot(vv) / vSqrtBc2) + vEps;
                pv += vNegStep * (mv / denom);
                mv.CopyTo(m.Slice(i));
                vv.CopyTo(v.Slice(i));
                pv.CopyTo(p.Slice(i));
            }
        }

        for (; i < p.Length; i++)
        {
            T g = RegularizedGradient(grad[i], p[i], wd, l1);
            if (decoupled)
            {
                p[i] *= decay;
            }

            m[i] = (m[i] * b1) + (g * oneMinusB1);
            v[i] = (v[i] * b2) + (oneMinusB2 * g * g);
            if (flush)
            {
                m[i] = SubnormalFlush.Flush(m[i]);
                v[i] = SubnormalFlush.Flush(v[i]);
            }

            T denom = (T.Sqrt(v[i]) / sqrtBc2) + eps;
            p[i] += -stepSize * (m[i] / denom);
        }
    }
}
