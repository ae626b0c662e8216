#!/usr/bin/env bash
# Orbits of the automorphism group as computed by nauty (dreadnaut), for
# tests/GenEft.Tests/Graphs/OrbitTests.cs. Needs the Debian package `nauty`.
# Input: the graphs of the reference files written by make_nauty_reference.sh (graph6/digraph6 codes, first
# column): every graph on up to 8 vertices relabelled, every 4th graph of the 9/10-vertex sample, every digraph on up to 4 vertices,
# and binary relations on 3 and 4 elements (digraphs with loops). Output: tests/GenEft.Tests/Data/Graphs/orbits.txt.gz, one graph per line:
#   <graph6|digraph6> <r_0>,<r_1>,...,<r_(n-1)>
# where r_v is the smallest vertex of v's orbit, parsed from dreadnaut's orbit listing (`-a -m x o`; an orbit is
# printed as vertices and ranges a:b, optionally followed by its size in parentheses, and ends with ';').
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../../tests/GenEft.Tests/Data/Graphs"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

{
  zcat "$data/graphs-upto8-relabelled.txt.gz" | cut -d' ' -f1
  zcat "$data/graphs-sample9-10.txt.gz" | cut -d' ' -f1 | awk 'NR % 4 == 0'
  zcat "$data/digraphs-upto4.txt.gz" | cut -d' ' -f1
  # Binary relations: all 512 on 3 elements, every 16th of the 65536 on 4 (the file lists n = 3 first).
  zcat "$data/relations-3-4.txt.gz" | cut -d' ' -f1 | awk 'NR <= 512 || NR % 16 == 0'
} > "$tmp/codes"

nauty-listg -d "$tmp/codes" | sed 's/^\$\$$/-a -m x o/' | dreadnaut > "$tmp/dread" 2>&1

/usr/bin/python3 - "$tmp/codes" "$tmp/dread" > "$tmp/out" <<'PY'
import re, sys
codes = [l.strip() for l in open(sys.argv[1]) if l.strip()]
def order(code):
    body = code[1:] if code[0] == '&' else code
    return ord(body[0]) - 63  # every reference graph has n < 63
blocks, current = [], None
for line in open(sys.argv[2]):
    if re.search(r'\borbits?; grpsize=', line):
        current = []
        blocks.append(current)
    elif line.startswith('cpu time'):
        continue
    elif current is not None:
        current.append(line.strip())
assert len(blocks) == len(codes), (len(blocks), len(codes))
for code, block in zip(codes, blocks):
    n = order(code)
    rep = [-1] * n
    text = re.sub(r'\(\d+\)', '', ' '.join(block))
    for orbit in filter(None, (o.strip() for o in text.split(';'))):
        members = []
        for token in orbit.split():
            a, _, b = token.partition(':')
            members.extend(range(int(a), int(b or a) + 1))
        for v in members:
            assert rep[v] == -1, (code, orbit)
            rep[v] = min(members)
    assert -1 not in rep, (code, block)
    print(code, ','.join(map(str, rep)))
PY
gzip -9n < "$tmp/out" > "$data/orbits.txt.gz"
wc -l < "$tmp/out"
ls -l "$data/orbits.txt.gz"
