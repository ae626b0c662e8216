#!/usr/bin/python3
"""Single-thread float32 GEMM timings in PyTorch (and NumPy) at the GemmBenchmarks shapes, for context.

Run:  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/reference/tensors/gemm_torch.py
Prints, per shape, the best time of 7 repeats (microseconds) and GFLOP/s. Shapes are m x n x k with
N/T marking whether A and B are used as stored or transposed (row-major, as in GenEft).
"""
import time

import numpy as np
import torch

SHAPES = ["675x50x4 NN", "675x50x50 NN", "675x1x50 NN", "675x50x50 NT", "675x4x50 NT",
          "50x50x675 TN", "4x50x675 TN", "50x1x675 TN", "97x61x53 NN", "256x256x256 NN", "512x512x512 NN"]


def best_seconds(f, flops):
    reps = int(min(2000, max(3, 2e8 / flops)))
    for _ in range(20):
        f()
    best = float("inf")
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(reps):
            f()
        best = min(best, (time.perf_counter() - t) / reps)
    return best


def main():
    torch.set_num_threads(1)
    rng = np.random.default_rng(42)
    print(f"torch {torch.__version__}, numpy {np.__version__}, threads {torch.get_num_threads()}")
    for shape in SHAPES:
        dims, ops = shape.split()
        m, n, k = map(int, dims.split("x"))
        a = rng.uniform(-1, 1, (k, m) if ops[0] == "T" else (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (n, k) if ops[1] == "T" else (k, n)).astype(np.float32)
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        opa = (lambda x: x.T) if ops[0] == "T" else (lambda x: x)
        opb = (lambda x: x.T) if ops[1] == "T" else (lambda x: x)
        out = torch.empty(m, n)
        flops = 2.0 * m * n * k
        t_torch = best_seconds(lambda: torch.mm(opa(ta), opb(tb), out=out), flops)
        t_numpy = best_seconds(lambda: opa(a) @ opb(b), flops)
        print(f"{shape:16s} torch {t_torch * 1e6:9.2f} us {flops / t_torch / 1e9:6.1f} GF/s | "
              f"numpy {t_numpy * 1e6:9.2f} us {flops / t_numpy / 1e9:6.1f} GF/s")


if __name__ == "__main__":
    main()
