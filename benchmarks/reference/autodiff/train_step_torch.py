#!/usr/bin/python3
"""PyTorch reference for benchmarks/GenEft.Benchmarks/Training/TrainingStepBenchmark.cs.

One full-batch Adam step of the GenEFT default autoencoder: n = 30 symbols, embedding dim 2, concatenated
pair input (675 training pairs), 3 tanh hidden layers of width 50, one logit, BCE with logits; float32,
one thread. Prints steps per second (median of several timed blocks).

Run:  /usr/bin/python3 benchmarks/reference/autodiff/train_step_torch.py
"""
import os

# One thread everywhere: torch.set_num_threads(1) alone left OpenBLAS's own pool spinning on a second
# core (process CPU time ran at twice the wall time), which is not a one-thread comparison.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(1)
random.seed(1)

N, D, WIDTH, DEPTH, PAIRS = 30, 2, 50, 3, 675

pairs = random.sample(range(N * N), PAIRS)
left = torch.tensor([p // N for p in pairs])
right = torch.tensor([p % N for p in pairs])
targets = torch.tensor([[1.0 if ((a + b) % N) % 2 == 0 else 0.0] for a, b in zip(left.tolist(), right.tolist())])

embedding = torch.nn.Embedding(N, D)
layers = [torch.nn.Linear(2 * D, WIDTH), torch.nn.Tanh()]
for _ in range(DEPTH - 1):
    layers += [torch.nn.Linear(WIDTH, WIDTH), torch.nn.Tanh()]
layers.append(torch.nn.Linear(WIDTH, 1))
decoder = torch.nn.Sequential(*layers)
adam = torch.optim.Adam([
    {"params": embedding.parameters(), "lr": 1e-3},
    {"params": decoder.parameters(), "lr": 1e-3},
])
loss_fn = torch.nn.BCEWithLogitsLoss()


def step():
    adam.zero_grad()
    x = torch.cat([embedding(left), embedding(right)], dim=1)
    loss = loss_fn(decoder(x), targets)
    loss.backward()
    adam.step()
    return loss


for _ in range(300):
    step()

# Wall-clock rate, and CPU-time rate (process time), which is less distorted when the machine is shared.
rates, cpu_rates = [], []
for _ in range(7):
    steps = 1000
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(steps):
        step()
    rates.append(steps / (time.perf_counter() - start))
    cpu_rates.append(steps / (time.process_time() - cpu_start))

print(f"torch {torch.__version__}, threads {torch.get_num_threads()}: "
      f"wall median {statistics.median(rates):.0f} steps/s (min {min(rates):.0f}, max {max(rates):.0f}); "
      f"cpu-time median {statistics.median(cpu_rates):.0f} steps/s (max {max(cpu_rates):.0f})")
