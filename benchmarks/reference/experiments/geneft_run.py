#!/usr/bin/python3
"""PyTorch replay of one GenEft training run, for speed and learning-curve comparison.

`geneft train` exports the run (split, initial parameters, learning rates) so both sides start from the same point:

    dotnet src/GenEft.Cli/bin/Release/net10.0/GenEft.Cli.dll train --family mod --size 30 --steps 3000 --no-early-stop \
        --export-replay run.json --json > ours.jsonl
    /usr/bin/python3 benchmarks/reference/experiments/geneft_run.py run.json torch.csv --compare ours.jsonl

(--compare also reads a CSV with columns step, loss, train_accuracy, test_accuracy.)

Model (GenEFT Section II, Table 3): embedding per element, decoder MLP on [E_x1, E_x2] (concat) with tanh hidden
layers, one logit, BCE-with-logits; AdamW with separate encoder/decoder parameter groups; full batch; one thread.
"""
import csv
import json
import os
import sys
import time

# One thread everywhere: OpenBLAS (Debian's torch calls it for matmul) otherwise spins a thread per core.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import torch  # noqa: E402

torch.set_num_threads(1)
# Late in training the gradients are tiny; denormal arithmetic would otherwise slow the CPU down by orders of magnitude.
torch.set_flush_denormal(True)


def load(path):
    with open(path) as f:
        return json.load(f)


def build(doc):
    # GenEft's parameter order: encoder.weight [n, d], then decoder.layerK.weight [out, in] and .bias [out].
    params = [torch.tensor(p["values"], dtype=torch.float32).reshape(p["shape"]) for p in doc["parameters"]]
    embedding = params[0].clone().requires_grad_(True)
    layers = []
    for i in range(1, len(params), 2):
        layers.append((params[i].clone().requires_grad_(True), params[i + 1].clone().requires_grad_(True)))
    return embedding, layers


def forward(embedding, layers, mode, left, right):
    x1, x2 = embedding[left], embedding[right]
    if mode == "Concat":
        h = torch.cat([x1, x2], dim=1)
    elif mode == "Difference":
        h = x1 - x2
    else:
        h = (x1 - x2) ** 2
    for i, (w, b) in enumerate(layers):
        h = torch.nn.functional.linear(h, w, b)
        if i < len(layers) - 1:
            h = torch.tanh(h)
    return h[:, 0]


def main():
    doc = load(sys.argv[1])
    out = sys.argv[2]
    embedding, layers = build(doc)
    mode = doc["mode"]
    tr = {k: torch.tensor(v) for k, v in doc["train"].items()}
    te = {k: torch.tensor(v) for k, v in doc["test"].items()}
    ytr = tr["label"].float()
    decoder = [t for layer in layers for t in layer]
    opt = torch.optim.AdamW(
        [
            {"params": [embedding], "lr": doc["eta_enc"], "weight_decay": doc["wd_enc"]},
            {"params": decoder, "lr": doc["eta_dec"], "weight_decay": doc["wd_dec"]},
        ],
        betas=(0.9, 0.999),
        eps=1e-8,
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rows = []
    start = time.perf_counter()
    for step in range(doc["budget"] + 1):
        logits = forward(embedding, layers, mode, tr["left"], tr["right"])
        loss = loss_fn(logits, ytr)
        if step % doc["eval"] == 0 or step == doc["budget"]:
            with torch.no_grad():
                train_acc = ((logits > 0).long() == tr["label"]).float().mean().item()
                test_logits = forward(embedding, layers, mode, te["left"], te["right"])
                test_acc = ((test_logits > 0).long() == te["label"]).float().mean().item()
                rows.append((step, loss.item(), train_acc, test_acc))
        if step == doc["budget"]:
            break
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    elapsed = time.perf_counter() - start
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["step", "loss", "train_accuracy", "test_accuracy"])
        w.writerows(rows)
    print(f"torch {torch.__version__}: {doc['budget']} steps in {elapsed:.2f} s = {doc['budget'] / elapsed:.0f} steps/s (1 thread)")
    if len(sys.argv) > 4 and sys.argv[3] == "--compare":
        ours = {}
        with open(sys.argv[4]) as f:
            if sys.argv[4].endswith(".jsonl"):
                # geneft train --json: one object per curve point, then one with the phase (which has no "step").
                for line in f:
                    r = json.loads(line)
                    if "step" in r and r["loss"] is not None:
                        ours[int(r["step"])] = (float(r["loss"]), float(r["trainAccuracy"]), float(r["testAccuracy"]))
            else:
                for r in csv.DictReader(f):
                    ours[int(r["step"])] = (float(r["loss"]), float(r["train_accuracy"]), float(r["test_accuracy"]))
        common = [r for r in rows if r[0] in ours]
        dtrain = max(abs(r[2] - ours[r[0]][1]) for r in common)
        dtest = max(abs(r[3] - ours[r[0]][2]) for r in common)
        dloss = max(abs(r[1] - ours[r[0]][0]) / max(abs(r[1]), 1e-12) for r in common)

        def first(series, idx):
            return next((s for s, *v in series if v[idx] > 0.9), None)

        ours_series = [(s, *ours[s]) for s in sorted(ours)]
        torch_series = [(s, l, a, b) for s, l, a, b in rows]
        print(f"compared {len(common)} evaluations: max |d train acc| = {dtrain:.4f}, max |d test acc| = {dtest:.4f}, "
              f"max relative d loss = {dloss:.2e}")
        print(f"first step train > 0.9: torch {first(torch_series, 1)}, GenEft {first(ours_series, 1)}; "
              f"test > 0.9: torch {first(torch_series, 2)}, GenEft {first(ours_series, 2)}")


if __name__ == "__main__":
    main()
