using System.Numerics.Tensors;

namespace GenEft.Tensors;

/// <summary>
/// Interop with <c>System.Numerics.Tensors</c>: zero-copy views as <see cref="TensorSpan{T}"/> and
/// <see cref="ReadOnlyTensorSpan{T}"/>, and copies from and to <see cref="ReadOnlyTensorSpan{T}"/> and
/// <see cref="Tensor{T}"/>.
/// </summary>
public sealed partial class DenseTensor<T>
{
    /// <summary>
    /// A writable view of this tensor's elements as a dense, row-major <see cref="TensorSpan{T}"/> with the same
    /// lengths; no copy, so writes through either one show in the other.
    /// </summary>
    /// <returns>The view.</returns>
    public TensorSpan<T> AsTensorSpan()
    {
        Span<nint> lengths = stackalloc nint[Rank];
        FillLengths(lengths);
        return new TensorSpan<T>(_data, 0, lengths, strides: default);
    }

    /// <summary>A read-only view of this tensor's elements as a dense, row-major <see cref="ReadOnlyTensorSpan{T}"/>; no copy.</summary>
    /// <returns>The view.</returns>
    public ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan()
    {
        Span<nint> lengths = stackalloc nint[Rank];
        FillLengths(lengths);
        return new ReadOnlyTensorSpan<T>(_data, 0, lengths, strides: default);
    }

    /// <summary>The view <see cref="AsTensorSpan"/>, so a tensor can be passed to <c>System.Numerics.Tensors.Tensor</c> operations directly.</summary>
    /// <param name="tensor">The tensor; null gives the empty span.</param>
    public static implicit operator TensorSpan<T>(DenseTensor<T>? tensor) => tensor is null ? default : tensor.AsTensorSpan();

    /// <summary>The view <see cref="AsReadOnlyTensorSpan"/>, so a tensor can be passed to <c>System.Numerics.Tensors.Tensor</c> operations directly.</summary>
    /// <param name="tensor">The tensor; null gives the empty span.</param>
    public static implicit operator ReadOnlyTensorSpan<T>(DenseTensor<T>? tensor) => tensor is null ? default : tensor.AsReadOnlyTensorSpan();

    /// <summary>
    /// A new tensor holding a copy of <paramref name="source"/>'s elements in row-major order, with its lengths as the
    /// shape. Any strides are honoured (a transposed or broadcast view is copied element by element), so the result
    /// is dense even when the source is not. A <see cref="TensorSpan{T}"/> converts to this parameter implicitly.
    /// </summary>
    /// <param name="source">The elements; rank at least 1, every length at least 1, at most <see cref="Array.MaxLength"/> elements.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> has rank 0, a length of 0, or more elements than an array holds.</exception>
    public static DenseTensor<T> FromTensorSpan(scoped in ReadOnlyTensorSpan<T> source)
    {
        var lengths = source.Lengths;
        if (lengths.Length == 0)
        {
            throw new ArgumentException("The tensor span has rank 0; a DenseTensor needs at least one axis.", nameof(source));
        }

        Span<int> dims = stackalloc int[lengths.Length];
        long count = 1;
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            nint length = lengths[axis];
            if (length < 1)
            {
                throw new ArgumentException($"Axis {axis} has length {length}; every axis of a DenseTensor has length at least 1.", nameof(source));
            }

            count *= length;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"The tensor span holds more than {Array.MaxLength} elements, too many for one array.", nameof(source));
            }

            dims[axis] = (int)length;
        }

        var result = Zeros(dims);
        source.FlattenTo(result.Span);
        return result;
    }

    /// <summary>A new tensor holding a copy of a <see cref="Tensor{T}"/>'s elements in row-major order, with its lengths as the shape.</summary>
    /// <param name="source">The tensor; rank at least 1, every length at least 1.</param>
    /// <returns>The tensor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> has rank 0 or a length of 0.</exception>
    public static DenseTensor<T> FromTensor(Tensor<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return FromTensorSpan(source.AsReadOnlyTensorSpan());
    }

    /// <summary>A new <see cref="Tensor{T}"/> holding a copy of the elements, with the same lengths (dense, row-major).</summary>
    /// <returns>The copy; later writes to either tensor do not show in the other.</returns>
    public Tensor<T> ToTensor()
    {
        Span<nint> lengths = stackalloc nint[Rank];
        FillLengths(lengths);
        return Tensor.Create(ReadOnlySpan.ToArray(), lengths);
    }

    private void FillLengths(Span<nint> lengths)
    {
        var dims = Shape.Dims;
        for (int axis = 0; axis < dims.Length; axis++)
        {
            lengths[axis] = dims[axis];
        }
    }
}
