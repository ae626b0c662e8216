#!/usr/bin/env bash
# Reference sparse6 data WRITTEN BY NAUTY, for tests/GenEft.Tests/Graphs/Sparse6NautyTests.cs.
# Needs the Debian package `nauty`. Output: tests/GenEft.Tests/Data/Graphs/sparse6-nauty.txt.gz, one graph per line:
#   <sparse6 as nauty wrote it> <n> <m> <u1> <v1> ... <um> <vm>
# where n, m and the edge list (loops included) are nauty's own decoding of that string (`nauty-listg -e`).
# The tests check that our reader gives exactly these edges and that our writer reproduces nauty's bytes.
# Sources, all deterministic (fixed seeds):
#   1. n = 0 (`nauty-copyg -s` of the graph6 string '?').
#   2. Every labelled graph with loops on 1..4 vertices (2 + 8 + 64 + 1024), written by `nauty-underlyingg`
#      from the symmetric digraph6 adjacency matrix (the input is only a way to hand nauty a graph with loops).
#   3. For n = 2, 4, 8, 16, 32, 64 (where sparse6 padding has nauty's special case) every graph with one edge
#      {i, j} for j in {n - 2, n - 1}, with and without a loop at n - 2, also via `nauty-underlyingg`.
#   4. For every n = 1..70, random graphs from `nauty-genrang` (its own sparse6 writer): with loops (-l1) at
#      edge probability 1/2 (one graph per n), 1/8, and with 1, 2 (1 for n = 1) and ceil(n/2) edges; and
#      without loops at probability 1/4.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../tests/GenEft.Tests/Data/Graphs"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

echo '?' | nauty-copyg -s -q > "$tmp/all.s6"

/usr/bin/python3 - "$tmp/sym.d6" <<'PY'
import sys
def size(n):
    return chr(63 + n) if n < 63 else '~' + ''.join(chr(63 + (n >> s & 63)) for s in (12, 6, 0))
def d6(n, edges):
    adj = [[0] * n for _ in range(n)]
    for u, v in edges:
        adj[u][v] = adj[v][u] = 1
    bits = [adj[i][j] for i in range(n) for j in range(n)]
    bits += [0] * (-len(bits) % 6)
    return '&' + size(n) + ''.join(chr(63 + int(''.join(map(str, bits[i:i + 6])), 2)) for i in range(0, len(bits), 6))
with open(sys.argv[1], 'w') as f:
    for n in range(1, 5):
        pairs = [(u, v) for v in range(n) for u in range(v + 1)]
        for code in range(1 << len(pairs)):
            f.write(d6(n, [p for k, p in enumerate(pairs) if code >> k & 1]) + '\n')
    for n in (2, 4, 8, 16, 32, 64):
        for j in (n - 2, n - 1):
            for i in range(j + 1):
                for loop in ([], [(n - 2, n - 2)]):
                    f.write(d6(n, [(i, j)] + loop) + '\n')
PY
nauty-underlyingg -q "$tmp/sym.d6" >> "$tmp/all.s6"

for n in $(seq 1 70); do
  nauty-genrang -q -l1 -P1/2 -S$((1000 + n)) "$n" 1
  nauty-genrang -q -l1 -P1/8 -S$((2000 + n)) "$n" 2
  nauty-genrang -q -l1 -e1 -S$((3000 + n)) "$n" 2
  nauty-genrang -q -l1 -e$((n >= 2 ? 2 : 1)) -S$((4000 + n)) "$n" 2
  nauty-genrang -q -l1 -e$(((n + 1) / 2)) -S$((5000 + n)) "$n" 2
  nauty-genrang -q -P1/4 -S$((6000 + n)) "$n" 1
done >> "$tmp/all.s6"

nauty-listg -q -e "$tmp/all.s6" > "$tmp/edges.txt"
/usr/bin/python3 - "$tmp/all.s6" "$tmp/edges.txt" > "$tmp/out.txt" <<'PY'
import sys
strings = [l.strip() for l in open(sys.argv[1]) if l.strip()]
# listg -q -e: per graph "n m", then m pairs over one or more lines.
tokens = open(sys.argv[2]).read().split()
graphs, i = [], 0
while i < len(tokens):
    n, m = int(tokens[i]), int(tokens[i + 1]); i += 2
    edges = tokens[i:i + 2 * m]; i += 2 * m
    graphs.append((n, m, edges))
assert len(graphs) == len(strings), (len(graphs), len(strings))
for s, (n, m, edges) in zip(strings, graphs):
    print(' '.join([s, str(n), str(m)] + edges))
PY
gzip -9n < "$tmp/out.txt" > "$out/sparse6-nauty.txt.gz"
wc -l < "$tmp/out.txt"
ls -l "$out/sparse6-nauty.txt.gz"
