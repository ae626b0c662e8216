#!/usr/bin/env bash
# Runs a geneft sweep as a Slurm array job (one task per shard) and a merge job that starts when every shard succeeded.
#
#   deploy/slurm/sweep-array.sh                 # submits both jobs (run this on the login node)
#   SHARDS=16 RESULTS=/scratch/$USER/fig5 deploy/slurm/sweep-array.sh
#
# Each array task runs shard $SLURM_ARRAY_TASK_ID of $SHARDS into its own file; a task that is requeued or resubmitted
# resumes its file (finished cells are skipped). The merge job checks that all cells 0..CELLS-1 are there, dedupes and
# writes $RESULTS/merged.jsonl. Needs the tool on PATH on the compute nodes:
#   dotnet tool install --global GenEft.Cli     (or set GENEFT to the command to run)
set -euo pipefail

SHARDS="${SHARDS:-8}"
RESULTS="${RESULTS:-$PWD/sweep-results}"
# The tool: a command, split on spaces (e.g. "dotnet /opt/geneft/GenEft.Cli.dll").
read -r -a GENEFT <<< "${GENEFT:-geneft}"
THREADS="${THREADS:-${SLURM_CPUS_PER_TASK:-1}}"

# The sweep: every option of `geneft sweep run` except the output and the shard. Edit here, or pass SWEEP (split on
# spaces) and CELLS in the environment.
SWEEP="${SWEEP:---family mod -n 30 -k 3 --encoder-lr 1e-4 3e-4 1e-3 3e-3 1e-2 --decoder-lr 1e-4 3e-4 1e-3 3e-3 1e-2 --replicates 2 --steps 20000 --seed 1}"
read -r -a SWEEP_ARGS <<< "$SWEEP"
# The number of cells: the product of the axis lengths (5 x 5 x 2 above).
CELLS="${CELLS:-50}"

case "${1:-submit}" in
  submit)
    mkdir -p "$RESULTS/logs"
    array_id=$(sbatch --parsable \
      --job-name=geneft-sweep --array="0-$((SHARDS - 1))" --cpus-per-task="$THREADS" --time=04:00:00 \
      --output="$RESULTS/logs/shard-%a.out" \
      --export=ALL,SHARDS="$SHARDS",RESULTS="$RESULTS",SWEEP="$SWEEP",GENEFT="${GENEFT[*]}",THREADS="$THREADS",CELLS="$CELLS" \
      "$0" shard)
    sbatch --parsable --job-name=geneft-merge --dependency="afterok:$array_id" --time=00:10:00 \
      --output="$RESULTS/logs/merge.out" \
      --export=ALL,SHARDS="$SHARDS",RESULTS="$RESULTS",SWEEP="$SWEEP",GENEFT="${GENEFT[*]}",CELLS="$CELLS" \
      "$0" merge
    echo "submitted array job $array_id ($SHARDS shards) and its merge; results in $RESULTS"
    ;;
  shard)
    : "${SLURM_ARRAY_TASK_ID:?shard mode runs inside a Slurm array task}"
    # exec: Slurm's SIGTERM/SIGINT reach geneft, which keeps every finished cell (exit 130 on SIGINT).
    exec "${GENEFT[@]}" sweep run "${SWEEP_ARGS[@]}" \
      --shard "$SLURM_ARRAY_TASK_ID" --shards "$SHARDS" --threads "$THREADS" \
      -o "$RESULTS/shard-$SLURM_ARRAY_TASK_ID.jsonl"
    ;;
  merge)
    files=()
    for ((k = 0; k < SHARDS; k++)); do files+=("$RESULTS/shard-$k.jsonl"); done
    "${GENEFT[@]}" sweep merge "${files[@]}" -o "$RESULTS/merged.jsonl" --expect "$CELLS"
    "${GENEFT[@]}" sweep phase-diagram "$RESULTS/merged.jsonl" > "$RESULTS/phase-diagram.txt"
    ;;
  *)
    echo "usage: $0 [submit|shard|merge]" >&2
    exit 1
    ;;
esac
