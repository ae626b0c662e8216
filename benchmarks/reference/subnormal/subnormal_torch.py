#!/usr/bin/python3
"""PyTorch steps/s of a generalizing and a memorizing GenEFT autoencoder run, with and without flush-to-zero.

The counterpart of GenEft's SubnormalBenchmarks (benchmarks/GenEft.Benchmarks/Subnormals): Table 3 model (n = 30,
d = 2, concat, decoder depth 3 width 50 tanh, one logit, BCE-with-logits), mod 3, 75% of the 900 pairs for training,
full batch, AdamW with encoder and decoder groups, 2x10^4 steps, the test set evaluated every 10 steps, one thread.
Generalizing: eta_enc = eta_dec = 1e-3; memorizing: eta_enc 1e-6, eta_dec 1e-3 (the loss goes to 0 and floats go
subnormal). The model's forward pass is the one of benchmarks/reference/experiments/geneft_run.py (imported); the
initialization is PyTorch's own (embedding N(0, 1), nn.Linear's uniform +-1/sqrt(fan in)) from a fixed seed, so the
runs are the same kind as GenEft's but not the same numbers. Each case runs `repeats` times; the best is reported.

    /usr/bin/python3 benchmarks/reference/subnormal/subnormal_torch.py [steps] [repeats]
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "experiments"))

import torch  # noqa: E402
from geneft_run import forward  # noqa: E402  (the reference model's forward pass)

torch.set_num_threads(1)


def data(seed):
    n = 30
    pairs = torch.tensor([(i, j) for i in range(n) for j in range(n)])
    labels = (pairs[:, 0] % 3 == pairs[:, 1] % 3).long()
    g = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(pairs), generator=g)
    k = int(0.75 * len(pairs))
    tr, te = order[:k], order[k:]
    return (pairs[tr, 0], pairs[tr, 1], labels[tr]), (pairs[te, 0], pairs[te, 1], labels[te])


def run(eta_enc, eta_dec, steps, seed=1):
    torch.manual_seed(seed)
    embedding = torch.randn(30, 2).requires_grad_(True)
    layers = []
    for fan_in, fan_out in [(4, 50), (50, 50), (50, 50), (50, 1)]:
        lin = torch.nn.Linear(fan_in, fan_out)
        layers.append((lin.weight.detach().clone().requires_grad_(True), lin.bias.detach().clone().requires_grad_(True)))
    (l, r, y), (tl, tr_, ty) = data(seed)
    yf = y.float()
    opt = torch.optim.AdamW(
        [{"params": [embedding], "lr": eta_enc, "weight_decay": 0.0},
         {"params": [t for layer in layers for t in layer], "lr": eta_dec, "weight_decay": 0.0}],
        betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    start = time.perf_counter()
    for step in range(steps):
        logits = forward(embedding, layers, "Concat", l, r)
        loss = loss_fn(logits, yf)
        if step % 10 == 0:
            with torch.no_grad():
                forward(embedding, layers, "Concat", tl, tr_)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    elapsed = time.perf_counter() - start
    train_acc = ((logits > 0).long() == y).float().mean().item()
    return elapsed, loss.item(), train_acc


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print(f"torch {torch.__version__}, 1 thread, {steps} steps per run, best of {repeats}")
    print("| run | flush denormal | s per run | steps/s | final loss | train acc |")
    print("|---|---|---:|---:|---:|---:|")
    for name, eta_enc in [("generalizing", 1e-3), ("memorizing", 1e-6)]:
        for flush in (False, True):
            if not torch.set_flush_denormal(flush) and flush:
                print("set_flush_denormal is not supported on this CPU")
            best = min((run(eta_enc, 1e-3, steps) for _ in range(repeats)), key=lambda t: t[0])
            print(f"| {name} | {flush} | {best[0]:.2f} | {steps / best[0]:.0f} | {best[1]:.3e} | {best[2]:.3f} |", flush=True)


if __name__ == "__main__":
    main()
