namespace GenEft.Models.Perceptron;

/// <summary>
/// The scan grid of one flow piece: 0, then first, first * ratio, ... up to and including end. Geometric spacing follows
/// sums of decaying exponentials over many time scales with a fixed number of points per decade.
/// </summary>
internal struct GeometricTimeGrid
{
    private readonly double end, ratio;
    private double next;
    private bool started, finished;

    public GeometricTimeGrid(double first, double end, double ratio)
    {
        this.end = end;
        this.ratio = ratio;
        next = Math.Min(first, end);
        started = false;
        finished = end <= 0;
    }

    /// <summary>The next grid time; false after <c>end</c> has been returned.</summary>
    public bool MoveNext(out double time)
    {
        if (!started)
        {
            started = true;
            time = 0;
            return true;
        }

        if (finished)
        {
            time = end;
            return false;
        }

        time = next;
        if (next >= end)
        {
            finished = true;
            time = end;
        }
        else
        {
            next = Math.Min(next * ratio, end);
        }

        return true;
    }
}
