namespace GenEft.Dynamics;

/// <summary>
/// Brent's method (bisection, secant and inverse quadratic interpolation, Brent 1973 "zeroin") for a bracketed
/// root of a continuous scalar function. Used to locate events on the dense output.
/// </summary>
internal static class BrentRootFinder
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Finds x in [a, b] with f(x) = 0 to within <paramref name="tolerance"/>, given f(a) and f(b) of opposite sign (or one zero).</summary>
    public static double FindRoot<TFunction>(ref TFunction f, double a, double b, double fa, double fb, double tolerance)
        where TFunction : IScalarFunction
    {
        if (fa == 0)
        {
            return a;
        }

        if (fb == 0)
        {
            return b;
        }

        double c = a, fc = fa, d = b - a, e = d;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }

            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }

            double tol = (2 * MachineEpsilon * Math.Abs(b)) + (0.5 * tolerance);
            double m = 0.5 * (c - b);
            if (Math.Abs(m) <= tol || fb == 0)
            {
                return b;
            }

            if (Math.Abs(e) >= tol && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c)
                {
                    p = 2 * m * s;
                    q = 1 - s;
                }
                else
                {
                    double r = fb / fc;
                    q = fa / fc;
                    p = s * ((2 * m * q * (q - r)) - ((b - a) * (r - 1)));
                    q = (q - 1) * (r - 1) * (s - 1);
                }

                if (p > 0)
                {
                    q = -q;
                }
                else
                {
                    p = -p;
                }

                if (2 * p < Math.Min((3 * m * q) - Math.Abs(tol * q), Math.Abs(e * q)))
                {
                    e = d;
                    d = p / q;
                }
                else
                {
                    d = m;
                    e = m;
                }
            }
            else
            {
                d = m;
                e = m;
            }

            a = b;
            fa = fb;
            b += Math.Abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f.Evaluate(b);
        }

        return b;
    }
}

/// <summary>A scalar function of one variable, as a struct-friendly interface so the root finder's calls are direct.</summary>
internal interface IScalarFunction
{
    /// <summary>Evaluates the function at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}
