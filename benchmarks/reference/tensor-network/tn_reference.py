#!/usr/bin/python3
"""PyTorch reference for GenEft's TensorNetworkAttention (docs/tensor-network.md), run by hand, never by CI.

Same model and conventions as the C# TensorNetworkAttention<T> with open boundaries and e_0 boundary vectors:

    A[l, r, k]: A(k) = A[:, :, k], the attention tensor shared by both contexts; B[a, b, j]: B_j = B[:, :, j]
    H_L(0) = e_0,   H_L(i) = n(H_L(i-1) A(x_(i-1)))     n(g) = g / |g| (Euclidean)
    H_R(M-1) = e_0, H_R(i) = n(A(x_(i+1)) H_R(i+1))
    w_j(i) = H_L(i) B_j H_R(i),  yhat_i = w_(x_i)(i)
    head "sigmoid" (default, the authors' scenario A): p_i = sigmoid(s * yhat_i / (|w(i)| + 1e-6)),
        loss = mean over positions of (p_i - y_i)^2
    head "linear": loss = mean 1/2 (yhat_i - t_i)^2 with t = 2y - 1

The contexts are computed the way the authors' TDVP_V2 does in its sequential mode: one batched einsum per position
(the whole batch advances together), autograd for the backward.

Modes:
  time    epochs/s of the authors' scenario-A setting (rule 30, all 1024 length-10 sequences, batch 128, random crops
          of length 6-10 with labels recomputed, Adam lr 5e-3), torch.set_num_threads(1)
  oracle  writes a JSON of float64 outputs, losses and autograd gradients for small fixed cases (see README.md),
          after checking the batched forward against a naive loop-by-loop contraction

  /usr/bin/python3 benchmarks/reference/tensor-network/tn_reference.py time --d 40 --epochs 30
  /usr/bin/python3 benchmarks/reference/tensor-network/tn_reference.py oracle --out tests/GenEft.Tests/Data/tensor-network-reference.json
"""
import argparse
import json
import os
import platform
import time

import numpy as np
import torch


def rule_table(rule):
    return [(rule >> (4 * l + 2 * c + r)) & 1 for l in (0, 1) for c in (0, 1) for r in (0, 1)]


def ca_step_open(x, rule):
    """One elementary-CA update of a [P, M] 0/1 int tensor with zero padding (open boundary)."""
    padded = torch.nn.functional.pad(x, (1, 1))
    index = 4 * padded[:, :-2] + 2 * padded[:, 1:-1] + padded[:, 2:]
    table = torch.tensor([(rule >> k) & 1 for k in range(8)], dtype=x.dtype)
    return table[index]


def all_sequences(m):
    s = torch.arange(2 ** m).unsqueeze(1)
    shifts = torch.arange(m - 1, -1, -1).unsqueeze(0)
    return (s >> shifts) & 1


def contexts(a, x):
    """Left and right context vectors for x [P, M] (0/1): lists of M tensors [P, d].

    A(x_i) is gathered per position from A permuted to [2, d, d] (index backward is a small scatter-add), not sliced
    from one [P, M, d, d] tensor: slicing a big tensor makes every slice's backward fill and add a full-size zero
    tensor, which dominated an earlier version of this script (2.0 of 3.1 s per backward).
    """
    p, m = x.shape
    d = a.shape[0]
    e0 = torch.zeros(p, d, dtype=a.dtype)
    e0[:, 0] = 1
    ak = a.permute(2, 0, 1)                                          # [2, d, d]: ak[k] = A(k)
    left = [e0]
    for i in range(1, m):
        g = torch.bmm(left[-1].unsqueeze(1), ak[x[:, i - 1]]).squeeze(1)
        left.append(g / g.norm(dim=1, keepdim=True))
    right = [e0]
    for i in range(m - 2, -1, -1):
        g = torch.bmm(ak[x[:, i + 1]], right[0].unsqueeze(2)).squeeze(2)
        right.insert(0, g / g.norm(dim=1, keepdim=True))
    return left, right


def outputs(a, b, x):
    """w [P, M, 2] and yhat [P, M]."""
    left, right = contexts(a, x)
    hl = torch.stack(left, dim=1)
    hr = torch.stack(right, dim=1)
    w = torch.einsum("pma,abj,pmb->pmj", hl, b, hr)
    yhat = torch.gather(w, 2, x.unsqueeze(2)).squeeze(2)
    return w, yhat


def loss_of(a, b, scale, x, y, head):
    w, yhat = outputs(a, b, x)
    if head == "linear":
        return (0.5 * (yhat - (2 * y - 1).to(yhat.dtype)) ** 2).mean(), yhat
    p = torch.sigmoid(scale * yhat / (w.norm(dim=2) + 1e-6))
    return ((p - y.to(p.dtype)) ** 2).mean(), p


def naive_yhat(a, b, seq):
    """Loop-by-loop contraction of one sequence in float64 numpy, independent of the batched code."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    d = a.shape[0]
    m = len(seq)
    out = []
    for i in range(m):
        hl = np.zeros(d); hl[0] = 1.0
        for k in range(i):
            g = np.array([sum(hl[l] * a[l, r, seq[k]] for l in range(d)) for r in range(d)])
            hl = g / np.sqrt((g * g).sum())
        hr = np.zeros(d); hr[0] = 1.0
        for k in range(m - 1, i, -1):
            g = np.array([sum(a[l, r, seq[k]] * hr[r] for r in range(d)) for l in range(d)])
            hr = g / np.sqrt((g * g).sum())
        out.append(sum(hl[p] * b[p, q, seq[i]] * hr[q] for p in range(d) for q in range(d)))
    return out


def time_mode(args):
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    d = args.d
    a = torch.randn(d, d, 2, requires_grad=True)
    b = torch.randn(d, d, 2, requires_grad=True)
    scale = torch.tensor(1.0, requires_grad=True)
    opt = torch.optim.Adam([a, b, scale], lr=5e-3)
    train = all_sequences(10)

    def epoch():
        order = torch.from_numpy(rng.permutation(train.shape[0]))
        for start in range(0, train.shape[0], args.batch):
            rows = train[order[start:start + args.batch]]
            length = int(rng.integers(6, 11))
            offset = int(rng.integers(0, 10 - length + 1))
            x = rows[:, offset:offset + length].contiguous()
            y = ca_step_open(x, 30)
            opt.zero_grad()
            loss, _ = loss_of(a, b, scale, x, y, "sigmoid")
            loss.backward()
            opt.step()

    for _ in range(args.warmup):
        epoch()
    start = time.perf_counter()
    for _ in range(args.epochs):
        epoch()
    elapsed = time.perf_counter() - start
    with torch.no_grad():
        x = train
        _, p = loss_of(a, b, scale, x, ca_step_open(x, 30), "sigmoid")
        acc = ((p > 0.5).long() == ca_step_open(x, 30)).double().mean().item()
    print(f"torch {torch.__version__}, {platform.processor() or platform.machine()}, threads {torch.get_num_threads()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"d = {d}: {args.epochs} epochs in {elapsed:.3f} s = {args.epochs / elapsed:.1f} epochs/s "
          f"({1000 * elapsed / args.epochs:.2f} ms/epoch); train accuracy after {args.warmup + args.epochs} epochs {acc:.4f}")


def oracle_mode(args):
    torch.set_default_dtype(torch.float64)
    rng = np.random.default_rng(20261202)
    cases = []
    for d in (3, 5):
        for m in (1, 2, 6):
            for head in ("sigmoid", "linear"):
                a0 = rng.standard_normal((d, d, 2))
                b0 = rng.standard_normal((d, d, 2))
                s0 = float(rng.uniform(0.5, 2.0))
                x = torch.from_numpy(rng.integers(0, 2, size=(4, m)))
                y = ca_step_open(x, 30)
                a = torch.tensor(a0, requires_grad=True)
                b = torch.tensor(b0, requires_grad=True)
                scale = torch.tensor(s0, requires_grad=True)
                loss, _ = loss_of(a, b, scale, x, y, head)
                loss.backward()
                _, yhat = outputs(a.detach(), b.detach(), x)
                for row in range(x.shape[0]):
                    naive = naive_yhat(a0, b0, x[row].tolist())
                    assert np.allclose(naive, yhat[row].numpy(), rtol=1e-12, atol=1e-12), (d, m, row)
                cases.append({
                    "d": d, "length": m, "head": head, "boundary": "FirstBasisVector",
                    "attention": a0.reshape(-1).tolist(), "classifier": b0.reshape(-1).tolist(), "scale": s0,
                    "inputs": x.reshape(-1).tolist(), "labels": y.reshape(-1).tolist(), "count": int(x.shape[0]),
                    "yhat": yhat.reshape(-1).tolist(), "loss": loss.item(),
                    "grad_attention": (a.grad if a.grad is not None else torch.zeros_like(a)).reshape(-1).tolist(), "grad_classifier": b.grad.reshape(-1).tolist(),
                    "grad_scale": scale.grad.item() if scale.grad is not None else 0.0,
                })
    with open(args.out, "w") as f:
        json.dump({"torch": torch.__version__, "rule": 30, "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases to {args.out}; batched forward equals the naive contraction to 1e-12")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("time")
    t.add_argument("--d", type=int, default=40)
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--warmup", type=int, default=3)
    t.add_argument("--batch", type=int, default=128)
    t.add_argument("--seed", type=int, default=0)
    o = sub.add_parser("oracle")
    o.add_argument("--out", required=True)
    args = parser.parse_args()
    time_mode(args) if args.mode == "time" else oracle_mode(args)


if __name__ == "__main__":
    main()
