namespace GenEft.Tensors;

/// <summary>A compile-time count (rows or vectors of a GEMM tile): the JIT folds <see cref="Value"/> and drops unused accumulators.</summary>
internal interface ITileCount
{
    static abstract int Value { get; }
}

/// <summary>Zero (a false flag).</summary>
internal readonly struct Count0 : ITileCount
{
    public static int Value => 0;
}

/// <summary>One.</summary>
internal readonly struct Count1 : ITileCount
{
    public static int Value => 1;
}

/// <summary>Two.</summary>
internal readonly struct Count2 : ITileCount
{
    public static int Value => 2;
}

/// <summary>Three.</summary>
internal readonly struct Count3 : ITileCount
{
    public static int Value => 3;
}

/// <summary>Four.</summary>
internal readonly struct Count4 : ITileCount
{
    public static int Value => 4;
}

/// <summary>Eight.</summary>
internal readonly struct Count8 : ITileCount
{
    public static int Value => 8;
}
