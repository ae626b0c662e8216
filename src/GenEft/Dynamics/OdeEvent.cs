namespace GenEft.Dynamics;

/// <summary>An <see cref="IOdeEvent"/> built from a delegate, for events that need no state of their own.</summary>
public sealed class OdeEvent : IOdeEvent
{
    private readonly OdeEventFunction function;

    /// <summary>Creates an event from its function, direction and terminal flag.</summary>
    /// <param name="function">The event function g(t, y).</param>
    /// <param name="direction">Which crossings count.</param>
    /// <param name="isTerminal">Whether the first counted crossing stops the integration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined <see cref="EventDirection"/>.</exception>
    public OdeEvent(OdeEventFunction function, EventDirection direction = EventDirection.Any, bool isTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Must be Any, Increasing or Decreasing.");
        }

        this.function = function;
        Direction = direction;
        IsTerminal = isTerminal;
    }

    /// <inheritdoc />
    public EventDirection Direction { get; }

    /// <inheritdoc />
    public bool IsTerminal { get; }

    /// <inheritdoc />
    public double Evaluate(double t, ReadOnlySpan<double> state) => function(t, state);
}
