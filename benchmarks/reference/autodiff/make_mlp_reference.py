#!/usr/bin/python3
"""Reference values for GenEft's autodiff and optimizers, computed by PyTorch in float64.

Writes tests/GenEft.Tests/Data/Nn/mlp_reference.json: the weights, inputs, loss and every gradient of a
small GenEFT-style network (embedding -> concat of a pair -> 2 tanh layers -> logit -> BCE with logits), and
the parameters after a few optimizer steps (Adam with two parameter groups, AdamW, SGD with Nesterov
momentum) starting from the same weights.

Run from the repository root:  /usr/bin/python3 benchmarks/reference/autodiff/make_mlp_reference.py
"""
import json
import os

import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(20261122)

N_SYMBOLS, DIM, WIDTH, PAIRS = 7, 3, 8, 20


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(N_SYMBOLS, DIM)
        self.layer0 = torch.nn.Linear(2 * DIM, WIDTH)
        self.layer1 = torch.nn.Linear(WIDTH, WIDTH)
        self.layer2 = torch.nn.Linear(WIDTH, 1)

    def forward(self, left, right):
        x = torch.cat([self.embedding(left), self.embedding(right)], dim=1)
        h = torch.tanh(self.layer0(x))
        h = torch.tanh(self.layer1(h))
        return self.layer2(h)

    def named(self):
        # GenEft names: the Mlp module names its layers layer0..layerD under "mlp".
        return {
            "embedding.weight": self.embedding.weight,
            "mlp.layer0.weight": self.layer0.weight, "mlp.layer0.bias": self.layer0.bias,
            "mlp.layer1.weight": self.layer1.weight, "mlp.layer1.bias": self.layer1.bias,
            "mlp.layer2.weight": self.layer2.weight, "mlp.layer2.bias": self.layer2.bias,
        }


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


net = Net()
initial = {k: v.detach().clone() for k, v in net.named().items()}
left = torch.randint(0, N_SYMBOLS, (PAIRS,))
right = torch.randint(0, N_SYMBOLS, (PAIRS,))
targets = torch.randint(0, 2, (PAIRS, 1)).double()
bce = torch.nn.BCEWithLogitsLoss()

loss = bce(net(left, right), targets)
loss.backward()

out = {
    "torch_version": torch.__version__,
    "left": left.tolist(),
    "right": right.tolist(),
    "targets": flat(targets),
    "parameters": {k: {"shape": list(v.shape), "values": flat(v)} for k, v in initial.items()},
    "loss": float(loss),
    "gradients": {k: flat(v.grad) for k, v in net.named().items()},
    "trajectories": {},
}


def trajectory(name, make_optimizer, steps=5, decoder_l1=0.0):
    with torch.no_grad():
        for k, v in net.named().items():
            v.copy_(initial[k])
    opt = make_optimizer(net)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        l = bce(net(left, right), targets)
        losses.append(float(l))
        if decoder_l1:
            # GenEft's group L1 coefficient mu adds mu*sign(p) to the gradient: the gradient of mu*sum|p|.
            l = l + decoder_l1 * sum(p.abs().sum() for n, p in net.named_parameters() if not n.startswith("embedding"))
        l.backward()
        opt.step()
    out["trajectories"][name] = {
        "steps": steps,
        "decoder_l1": decoder_l1,
        "losses": losses,
        "parameters": {k: flat(v) for k, v in net.named().items()},
    }


def groups(net, decoder_decay):
    return [
        {"params": [net.embedding.weight], "lr": 0.05, "weight_decay": 0.0},
        {"params": [p for n, p in net.named_parameters() if not n.startswith("embedding")], "lr": 0.01,
         "weight_decay": decoder_decay},
    ]


trajectory("adam", lambda n: torch.optim.Adam(groups(n, 0.1), betas=(0.9, 0.999), eps=1e-8))
trajectory("adam_l1", lambda n: torch.optim.Adam(groups(n, 0.0), betas=(0.9, 0.999), eps=1e-8), decoder_l1=1e-3)
trajectory("adamw", lambda n: torch.optim.AdamW(groups(n, 0.1), betas=(0.8, 0.99), eps=1e-6))
trajectory("sgd_nesterov", lambda n: torch.optim.SGD(groups(n, 0.01), lr=0.1, momentum=0.9, nesterov=True))
trajectory("sgd_momentum_dampening", lambda n: torch.optim.SGD(groups(n, 0.0), lr=0.1, momentum=0.5, dampening=0.25))

path = os.path.join("tests", "GenEft.Tests", "Data", "Nn", "mlp_reference.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", path, "loss", out["loss"])
