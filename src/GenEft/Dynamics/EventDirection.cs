namespace GenEft.Dynamics;

/// <summary>Which zero crossings of an event function count (the meaning of SciPy's <c>event.direction</c>).</summary>
public enum EventDirection
{
    /// <summary>Both directions.</summary>
    Any = 0,

    /// <summary>Only crossings where the event function goes from negative to non-negative.</summary>
    Increasing = 1,

    /// <summary>Only crossings where the event function goes from positive to non-positive.</summary>
    Decreasing = -1,
}
