using System.Numerics;
using GenEft.Tensors;

namespace GenEft.Experiments;

/// <summary>
/// Adam / AdamW over parameter groups, step for step as PyTorch's torch.optim.Adam / AdamW (bias-corrected moments,
/// epsilon added after the bias-corrected root). Kept next to the run loop so one step allocates nothing.
/// </summary>
internal sealed class AdamOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Slot> _slots = [];
    private readonly OptimizerKind _kind;
    private readonly double _beta1, _beta2, _epsilon;
    private T[] _scratch = [];
    private long _step;

    public AdamOptimizer(OptimizerKind kind, double beta1, double beta2, double epsilon)
    {
        _kind = kind;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    public void AddGroup(IEnumerable<(Tensor<T> Parameter, Tensor<T> Gradient)> tensors, double learningRate, double weightDecay)
    {
        foreach (var (p, g) in tensors)
        {
            _slots.Add(new Slot(p, g, new T[p.Length], new T[p.Length], learningRate, weightDecay));
            if (_scratch.Length < p.Length)
            {
                _scratch = new T[p.Length];
            }
        }
    }

    public void Step()
    {
        _step++;
        double correction1 = 1 - Math.Pow(_beta1, _step), correction2 = 1 - Math.Pow(_beta2, _step);
        T b1 = T.CreateChecked(_beta1), b2 = T.CreateChecked(_beta2);
        T oneMinusB1 = T.CreateChecked(1 - _beta1), oneMinusB2 = T.CreateChecked(1 - _beta2);
        T inverseRootCorrection2 = T.CreateChecked(1 / Math.Sqrt(correction2)), epsilon = T.CreateChecked(_epsilon);
        foreach (var slot in _slots)
        {
            Span<T> p = slot.Parameter.Span, g = slot.Gradient.Span, m = slot.First, v = slot.Second;
            Span<T> tmp = _scratch.AsSpan(0, p.Length);
            if (slot.WeightDecay != 0)
            {
                if (_kind == OptimizerKind.AdamW)
                {
                    TensorPrimitives.Multiply(p, T.CreateChecked(1 - (slot.LearningRate * slot.WeightDecay)), p);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(p, T.CreateChecked(slot.WeightDecay), g, g);
                }
            }

            TensorPrimitives.Multiply(m, b1, m);
            TensorPrimitives.MultiplyAdd(g, oneMinusB1, m, m);
            TensorPrimitives.Multiply(v, b2, v);
            TensorPrimitives.Multiply(g, g, tmp);
            TensorPrimitives.MultiplyAdd(tmp, oneMinusB2, v, v);
            TensorPrimitives.Sqrt(v, tmp);
            TensorPrimitives.Multiply(tmp, inverseRootCorrection2, tmp);
            TensorPrimitives.Add(tmp, epsilon, tmp);
            TensorPrimitives.Divide(m, tmp, tmp);
            TensorPrimitives.MultiplyAdd(tmp, T.CreateChecked(-slot.LearningRate / correction1), p, p);
        }
    }

    private sealed record Slot(Tensor<T> Parameter, Tensor<T> Gradient, T[] First, T[] Second, double LearningRate, double WeightDecay);
}
