namespace GenEft.Tensors;

/// <summary>placeholder</summary>
public readonly struct TensorShape { }
