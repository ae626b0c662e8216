namespace GenEft.Autodiff;

/// <summary>
/// What a recorded tape node computes; <see cref="Tape{T}.Backward"/> dispatches on it (a switch, not a delegate, so
/// nothing is allocated per op), with one case per kind. Which generic node slots each kind uses is tabled in
/// docs/autodiff.md.
/// </summary>
internal enum OpKind
{
    Constant,
    Parameter,
    Add,
    Subtract,
    Multiply,
    Divide,
    AddRow,
    SubtractRow,
    MultiplyRow,
    DivideRow,
    Affine,
    ReluAffine,
    Tanh,
    Relu,
    Sigmoid,
    Exp,
    Log,
    Square,
    Abs,
    Sum,
    Mean,
    SumAxis,
    MeanAxis,
    MatMul,
    Linear,
    LinearTanh,
    GatherRows,
    Concat,
    Reshape,
    Transpose,
    NormalizeLastAxis,
    BinaryCrossEntropyWithLogits,
    MeanSquaredError,
    L1Penalty,
    L2Penalty,
    ArgMax,
    ArgMin,
}
