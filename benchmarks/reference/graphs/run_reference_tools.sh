#!/usr/bin/env bash
# Times bliss, nauty (dreadnaut, sparse mode "As") and Traces (dreadnaut "At") on the benchmark
# families written by make_benchmark_graphs.py. Needs the Debian packages bliss and nauty.
# Usage: run_reference_tools.sh GRAPHDIR [CPU_LIMIT_SECONDS] [WALL_LIMIT_SECONDS] [family ...]
# Prints one line per (family, tool): family tool seconds |Aut|, seconds being the CPU time the tool
# reports itself (bliss "Total time", dreadnaut "cpu time"); "timeout" when it was stopped by the CPU
# limit (ulimit -t) or the wall-clock limit (default 10 x the CPU limit, for loaded machines).
set -uo pipefail
dir="$1"; limit="${2:-600}"; wall="${3:-$((10 * limit))}"; shift 3 || shift $#
families=("$@")
[ ${#families[@]} -eq 0 ] && families=(hypercube-q12 paley-1009 kbip-500-700 kbip-1000-1000 tree-100000 cfi-200 cfi-1000 cfi-3000 cubic-100000 grid-1000 torus-1000)
for f in "${families[@]}"; do
  g="$dir/$f.dimacs"
  [ -f "$dir/$f.dre" ] || nauty-bliss2dre < "$g" > "$dir/$f.dre"
  out=$( (ulimit -t "$limit"; timeout "$wall" bliss "$g") 2>&1 | grep -E '^\|Aut\||^Total time')
  if [ -z "$out" ]; then echo "$f bliss timeout"; else
    echo "$f bliss $(echo "$out" | awk '/Total time/{print $3}') $(echo "$out" | awk '/Aut/{a=$2; print (length(a) > 20 ? substr(a,1,12) "...(" length(a) " digits)" : a)}')"; fi
  for mode in As At; do
    tool=$([ "$mode" = As ] && echo nauty || echo traces)
    out=$( (echo "$mode -a -m"; cat "$dir/$f.dre"; echo "x"; echo "q") | (ulimit -t "$limit"; timeout "$wall" dreadnaut) 2>&1 | grep -E 'grpsize|cpu time')
    if [ -z "$out" ]; then echo "$f $tool timeout"; else
      echo "$f $tool $(echo "$out" | sed -nE 's/.*cpu time = ([0-9.]+).*/\1/p') $(echo "$out" | sed -nE 's/.*grpsize=([^;]+);.*/\1/p')"; fi
  done
done
