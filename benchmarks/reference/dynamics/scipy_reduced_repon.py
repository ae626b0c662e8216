#!/usr/bin/env python3
"""SciPy reference timings for the reduced repon system (GenEFT Eq. 10).

da2/dt = -2 eta_A c^2 a2,  dc/dt = -eta_x a2^2 c, with a2(0), c(0) ~ N(0, 1), eta_A = eta_x = 1.

Two configurations, each timed per solve over the same seeded initializations:
  1. the issue's figure: solve_ivp(method="RK45", rtol=1e-8) to t = 1e4, no events
     (atol at SciPy's default 1e-6, and again at 1e-12 to match GenEft's Monte Carlo);
  2. the like-for-like verdict run: RK45 at rtol 1e-8, atol 1e-12 with the same two terminal events GenEft's
     Monte Carlo uses (energy ratio rho = 2 eta_A c^2 / (eta_x a2^2) falling to 1e-4 or rising to 1e4),
     starts already past a threshold decided without integration, exactly as GenEft does.

Run: /usr/bin/python3 benchmarks/reference/dynamics/scipy_reduced_repon.py [samples]
Prints per-solve times, mean steps (nfev / 6) and the extrapolated time for 10^6 solves on one core.
"""
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp

ETA_A, ETA_X, K, RATIO = 1.0, 1.0, 2.0, 1e-4


def rhs(t, y):
    a2, c = y
    return [-K * ETA_A * c * c * a2, -ETA_X * a2 * a2 * c]


def collision(t, y):
    return K * ETA_A * y[1] ** 2 - RATIO * ETA_X * y[0] ** 2


collision.terminal, collision.direction = True, -1


def memorization(t, y):
    return RATIO * K * ETA_A * y[1] ** 2 - ETA_X * y[0] ** 2


memorization.terminal, memorization.direction = True, 1


def timed(starts, rtol, atol, t_end=1e4, events=None):
    nfev, wall, cpu = 0, time.perf_counter(), time.process_time()
    for y0 in starts:
        nfev += solve_ivp(rhs, (0.0, t_end), y0, method="RK45", rtol=rtol, atol=atol, events=events).nfev
    n = len(starts)
    return (time.perf_counter() - wall) / n, (time.process_time() - cpu) / n, nfev / n


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    rng = np.random.default_rng(12345)
    starts = rng.standard_normal((samples, 2))
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, {samples} solves per configuration")

    for atol in (1e-6, 1e-12):
        wall, cpu, nfev = timed(starts, rtol=1e-8, atol=atol)
        print(f"RK45 rtol 1e-8 atol {atol:g} to t = 1e4: {wall * 1e3:.1f} ms/solve wall, {cpu * 1e3:.1f} ms/solve CPU, "
              f"{nfev / 6:.0f} steps/solve")

    many = rng.standard_normal((max(200, 10 * samples), 2))
    verdict_starts = [y for y in many if collision(0, y) > 0 and memorization(0, y) < 0]
    wall, cpu, nfev = timed(verdict_starts, rtol=1e-8, atol=1e-12, events=[collision, memorization], t_end=1e9)
    print(f"RK45 rtol 1e-8 atol 1e-12 to the verdict event: {wall * 1e6:.0f} us/solve wall, {cpu * 1e6:.0f} us/solve CPU, "
          f"{nfev / 6:.1f} steps/solve ({len(verdict_starts)} integrated starts) -> 10^6 solves ~ {cpu * 1e6:.0f} s of one core")


if __name__ == "__main__":
    main()
