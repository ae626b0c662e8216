#!/usr/bin/env python3
"""Writes the automorphism benchmark families as DIMACS files (bliss format, vertices from 1).

Usage: /usr/bin/python3 make_benchmark_graphs.py OUTDIR
Deterministic: every random family uses a fixed seed.
"""
import os
import random
import sys


def write(path, n, edges):
    with open(path, "w") as f:
        f.write(f"p edge {n} {len(edges)}\n")
        f.write("".join(f"e {a + 1} {b + 1}\n" for a, b in edges))


def hypercube(d):
    n = 1 << d
    return n, [(v, v | 1 << b) for v in range(n) for b in range(d) if not v >> b & 1]


def paley(q):
    squares = {x * x % q for x in range(1, q)}
    return q, [(x, y) for x in range(q) for y in range(x + 1, q) if (y - x) % q in squares]


def complete_bipartite(a, c):
    return a + c, [(i, a + j) for i in range(a) for j in range(c)]


def random_tree(n, rng):
    """Uniform random labelled tree (random Pruefer sequence)."""
    seq = [rng.randrange(n) for _ in range(n - 2)]
    degree = [1] * n
    for x in seq:
        degree[x] += 1
    import heapq
    leaves = [v for v in range(n) if degree[v] == 1]
    heapq.heapify(leaves)
    edges = []
    for x in seq:
        leaf = heapq.heappop(leaves)
        edges.append((leaf, x))
        degree[x] -= 1
        if degree[x] == 1:
            heapq.heappush(leaves, x)
    edges.append((heapq.heappop(leaves), heapq.heappop(leaves)))
    return n, edges


def random_cubic(n, rng):
    """Random simple 3-regular graph: configuration model, then random double-edge switches remove loops
    and multi-edges (the standard practical sampler)."""
    points = [v for v in range(n) for _ in range(3)]
    rng.shuffle(points)
    pairs = [[points[2 * i], points[2 * i + 1]] for i in range(len(points) // 2)]

    def bad(p, seen):
        a, b = p
        return a == b or (min(a, b), max(a, b)) in seen

    while True:
        seen, bad_idx = set(), []
        for i, p in enumerate(pairs):
            if bad(p, seen):
                bad_idx.append(i)
            else:
                seen.add((min(p), max(p)))
        if not bad_idx:
            break
        for i in bad_idx:
            j = rng.randrange(len(pairs))
            pairs[i][1], pairs[j][1] = pairs[j][1], pairs[i][1]
    return n, [tuple(p) for p in pairs]


def cfi(base_n, rng):
    """Cai-Fuerer-Immerman graph (untwisted, uncoloured) over a random 3-regular base: per base vertex,
    4 middle vertices (even subsets of its 3 edges) and 2 end vertices per incident edge."""
    _, base = random_cubic(base_n, rng)
    incident = [[] for _ in range(base_n)]
    for idx, (u, v) in enumerate(base):
        incident[u].append(idx)
        incident[v].append(idx)
    ids = {}

    def vid(key):
        if key not in ids:
            ids[key] = len(ids)
        return ids[key]

    edges = []
    for v in range(base_n):
        es = incident[v]
        for mask in range(8):
            if bin(mask).count("1") % 2:
                continue
            m = vid(("m", v, mask))
            for k, e in enumerate(es):
                edges.append((m, vid(("a", v, e, mask >> k & 1))))
    for idx, (u, v) in enumerate(base):
        for bit in (0, 1):
            edges.append((vid(("a", u, idx, bit)), vid(("a", v, idx, bit))))
    return len(ids), edges


def grid(r, c, torus):
    edges = []
    for i in range(r):
        for j in range(c):
            v = i * c + j
            if j + 1 < c:
                edges.append((v, v + 1))
            elif torus:
                edges.append((v, i * c))
            if i + 1 < r:
                edges.append((v, v + c))
            elif torus:
                edges.append((v, j))
    return r * c, edges


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    families = {
        "hypercube-q12": lambda: hypercube(12),
        "paley-1009": lambda: paley(1009),
        "kbip-500-700": lambda: complete_bipartite(500, 700),
        "kbip-1000-1000": lambda: complete_bipartite(1000, 1000),
        "tree-100000": lambda: random_tree(100000, random.Random(1)),
        "cfi-200": lambda: cfi(200, random.Random(2)),
        "cfi-1000": lambda: cfi(1000, random.Random(3)),
        "cfi-3000": lambda: cfi(3000, random.Random(4)),
        "cubic-100000": lambda: random_cubic(100000, random.Random(5)),
        "grid-1000": lambda: grid(1000, 1000, False),
        "torus-1000": lambda: grid(1000, 1000, True),
    }
    only = sys.argv[2:]
    for name, make in families.items():
        if only and name not in only:
            continue
        n, edges = make()
        write(os.path.join(out, name + ".dimacs"), n, edges)
        print(name, n, len(edges), flush=True)


if __name__ == "__main__":
    main()
