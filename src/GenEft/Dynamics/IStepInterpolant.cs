namespace GenEft.Dynamics;

/// <summary>The continuous extension of one accepted step [tOld, tNew], used for output times and event location.</summary>
internal interface IStepInterpolant
{
    /// <summary>Writes the interpolated state at <paramref name="t"/> (inside the step) into <paramref name="state"/>.</summary>
    void Interpolate(double t, Span<double> state);
}
