#!/usr/bin/env bash
# Reference automorphism-group data for tests/GenEft.Tests/Graphs/NautyDifferentialTests.cs.
# Needs the Debian package `nauty`. Each output line is "<graph6|digraph6> <group size> <orbit count>",
# with group size and orbit count computed by nauty (`nauty-pickg -V --a --o`). Output is gzipped
# into tests/GenEft.Tests/Data/Graphs/. Deterministic: fixed residue classes and fixed ranlabg seeds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../tests/GenEft.Tests/Data/Graphs"
mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# Annotate a stream of graph6/digraph6 lines with nauty's group size and orbit count.
annotate() {
  local graphs="$1"
  nauty-pickg -V -q --a --o "$graphs" 2>"$tmp/props" >/dev/null
  sed -E 's/^Graph [0-9]+ : groupsize=([0-9]+); orbits=([0-9]+)$/\1 \2/' "$tmp/props" > "$tmp/cols"
  [ "$(wc -l < "$graphs")" -eq "$(wc -l < "$tmp/cols")" ] || { echo "pickg output mismatch" >&2; exit 1; }
  paste -d' ' "$graphs" "$tmp/cols"
}

# 1. Every graph on 1..8 vertices (13598 graphs).
: > "$tmp/all8"
for n in 1 2 3 4 5 6 7 8; do nauty-geng -q "$n" >> "$tmp/all8"; done
annotate "$tmp/all8" | gzip -9n > "$out/graphs-upto8.txt.gz"

# 2. The same graphs, randomly relabelled by nauty-ranlabg (seed 20261122).
nauty-ranlabg -q -S20261122 "$tmp/all8" > "$tmp/all8r"
annotate "$tmp/all8r" | gzip -9n > "$out/graphs-upto8-relabelled.txt.gz"

# 3. A sample of 9- and 10-vertex graphs: geng's residue classes 0/50 (n = 9) and 0/4000 (n = 10),
#    each also relabelled.
nauty-geng -q 9 0/50 > "$tmp/s9"
nauty-geng -q 10 0/4000 > "$tmp/s10"
cat "$tmp/s9" "$tmp/s10" > "$tmp/s910"
nauty-ranlabg -q -S7 "$tmp/s910" > "$tmp/s910r"
cat "$tmp/s910" "$tmp/s910r" > "$tmp/s910all"
annotate "$tmp/s910all" | gzip -9n > "$out/graphs-sample9-10.txt.gz"

# 4. Every digraph (no loops) on 1..4 vertices, from nauty-directg, also relabelled.
: > "$tmp/di4"
for n in 1 2 3 4; do nauty-geng -q "$n" | nauty-directg -q >> "$tmp/di4"; done
nauty-ranlabg -q -S11 "$tmp/di4" > "$tmp/di4r"
cat "$tmp/di4" "$tmp/di4r" > "$tmp/di4all"
annotate "$tmp/di4all" | gzip -9n > "$out/digraphs-upto4.txt.gz"

# 5. Every labelled digraph with loops (= every binary relation) on 3 and 4 elements: 2^9 + 2^16.
/usr/bin/python3 - "$tmp/rel" <<'PY'
import sys
def d6(n, bits):
    s = bits + [0] * (-len(bits) % 6)
    return '&' + chr(63 + n) + ''.join(chr(63 + int(''.join(map(str, s[i:i + 6])), 2)) for i in range(0, len(s), 6))
with open(sys.argv[1], 'w') as f:
    for n in (3, 4):
        for code in range(1 << (n * n)):
            f.write(d6(n, [(code >> i) & 1 for i in range(n * n)]) + '\n')
PY
annotate "$tmp/rel" | gzip -9n > "$out/relations-3-4.txt.gz"

# 6. sparse6 encodings by nauty-copyg of every graph on 1..7 vertices and of the 9/10-vertex sample:
#    "<graph6> <sparse6>" pairs for the format tests.
: > "$tmp/s6in"
for n in 1 2 3 4 5 6 7; do nauty-geng -q "$n" >> "$tmp/s6in"; done
cat "$tmp/s9" >> "$tmp/s6in"
nauty-copyg -s -q "$tmp/s6in" > "$tmp/s6out"
paste -d' ' "$tmp/s6in" "$tmp/s6out" | gzip -9n > "$out/sparse6-pairs.txt.gz"

ls -l "$out"
