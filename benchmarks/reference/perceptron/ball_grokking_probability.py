#!/usr/bin/python3
"""NumPy/SciPy reference for the ball-model P_G point of docs/benchmarks.md (run by hand, not by CI).

Same computation as GenEft's BallModelMonteCarlo (stationary path): for each of 2e4 training sets, N = 10 points per
class uniform in the unit 10-ball shifted by +-eps e_1 (eps = 1.01); G = X^T X / 2N + lambda2 I, a = X^T y / 2N; the
minimiser of 1/2 w.G.w - a.w + lambda1 |w|_1 (lambda1 = 0.05: cyclic coordinate descent to 1e-14, the same algorithm;
lambda1 = 0: numpy.linalg.solve); grokking when eps w_1 >= |w|. Two implementations are timed:

  loop       one training set at a time (NumPy per set, a Python loop over coordinates): the direct port;
  batched    all 2e4 sets at once: the data and G by vectorized NumPy (einsum), coordinate descent vectorized over sets
             (each sweep updates coordinate j of every set together), iterating until every set has converged.

Usage: /usr/bin/python3 ball_grokking_probability.py [trials]
Prints P_G and wall / CPU seconds per implementation (OPENBLAS_NUM_THREADS is left as set by the caller).
"""
import sys
import time

import numpy as np

D, N, EPS, L2, L1 = 10, 10, 1.01, 0.1, 0.05


def sample(rng, trials):
    g = rng.standard_normal((trials, 2 * N, D))
    g /= np.linalg.norm(g, axis=2, keepdims=True)
    x = g * rng.random((trials, 2 * N, 1)) ** (1.0 / D)
    y = np.concatenate([np.ones(N), -np.ones(N)])
    x[:, :, 0] += y * EPS
    return x, y


def moments(x, y):
    gram = np.einsum("tni,tnj->tij", x, x) / (2 * N) + L2 * np.eye(D)
    a = np.einsum("tni,n->ti", x, y) / (2 * N)
    return gram, a


def groks(w):
    return EPS * w[..., 0] >= np.linalg.norm(w, axis=-1)


def coordinate_descent_one(g, a, l1, tol=1e-14, max_sweeps=100000):
    w = np.zeros(D)
    gw = np.zeros(D)
    for _ in range(max_sweeps):
        max_step, max_w = 0.0, 1.0
        for j in range(D):
            gjj = g[j, j]
            r = a[j] - (gw[j] - gjj * w[j])
            new = (r - l1) / gjj if r > l1 else (r + l1) / gjj if r < -l1 else 0.0
            step = new - w[j]
            if step != 0.0:
                w[j] = new
                gw += g[:, j] * step
            max_step = max(max_step, abs(step))
            max_w = max(max_w, abs(new))
        if max_step <= tol * max_w:
            break
    return w


def loop(trials, l1, seed=1):
    rng = np.random.default_rng(seed)
    count = 0
    y = np.concatenate([np.ones(N), -np.ones(N)])
    for _ in range(trials):
        g = rng.standard_normal((2 * N, D))
        g /= np.linalg.norm(g, axis=1, keepdims=True)
        x = g * rng.random((2 * N, 1)) ** (1.0 / D)
        x[:, 0] += y * EPS
        gram = x.T @ x / (2 * N) + L2 * np.eye(D)
        a = x.T @ y / (2 * N)
        w = coordinate_descent_one(gram, a, l1) if l1 > 0 else np.linalg.solve(gram, a)
        count += bool(groks(w))
    return count / trials


def batched(trials, l1, seed=1, tol=1e-14, max_sweeps=100000):
    rng = np.random.default_rng(seed)
    x, y = sample(rng, trials)
    gram, a = moments(x, y)
    if l1 == 0:
        return groks(np.linalg.solve(gram, a[..., None])[..., 0]).mean()
    w = np.zeros((trials, D))
    gw = np.zeros((trials, D))
    diag = np.einsum("tii->ti", gram)
    for _ in range(max_sweeps):
        max_step = np.zeros(trials)
        for j in range(D):
            r = a[:, j] - (gw[:, j] - diag[:, j] * w[:, j])
            new = np.where(r > l1, (r - l1) / diag[:, j], np.where(r < -l1, (r + l1) / diag[:, j], 0.0))
            step = new - w[:, j]
            w[:, j] = new
            gw += gram[:, :, j] * step[:, None]
            max_step = np.maximum(max_step, np.abs(step))
        if np.all(max_step <= tol * np.maximum(1.0, np.abs(w).max(axis=1))):
            break
    return groks(w).mean()


def timed(label, f, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    p = f(*args)
    print(f"{label:<24} P_G = {p:.4f}   wall {time.perf_counter() - wall:8.3f} s   CPU {time.process_time() - cpu:8.3f} s", flush=True)


if __name__ == "__main__":
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    for l1 in (L1, 0.0):
        for repeat in range(3):
            timed(f"batched, lambda1 = {l1}", batched, trials, l1, repeat + 1)
        timed(f"loop, lambda1 = {l1}", loop, trials, l1)
