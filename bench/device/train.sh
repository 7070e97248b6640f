#!/usr/bin/env bash
# On a GPU machine lent for a few minutes (issue 23, lever 5): what takes hours on our two CPU cores, done
# at once, one process per unit on the one GPU (stanza trains on CUDA when it sees one):
#   the 5-fold cross-validation of the shipped last-stage recipe (train-ner --cv 5 --fold K), and
#   more ensemble members (train-ner --final-stage --seed S, for S in $SEEDS).
# It brings back (under $OUT): cv.md and cv.json (the table the issue asks for), each seed's member file
# (int8, as `train-ner --install` would ship it; copy it into annotate/ner/model/ to try it), and logs.tgz.
# Nothing it makes is needed to build or test the project: every unit is the same command on CPU
# (annotate/ner/MODEL.md), only slower (about 45 minutes a unit on one thread).
#
#   bash bench/device/prepare.sh             # here, once
#   run(command="bash bench/device/train.sh", carry=[".whl", ".device-data"], timeout_s=590)
#
# Settings by environment: SEEDS ("3 4 5"), FOLDS ("1 2 3 4 5"), BUDGET (seconds the units may run, 500),
# EXTRA (more train-ner options, e.g. "--limit-sentences 60 --max-steps 4" for a smoke test), PYTHON.
set -uo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
OUT=${OUT:-/tmp/device-out}
RUNS=${RUNS:-/tmp/device-runs}
DATA=${DATA:-.device-data}
SEEDS=${SEEDS-3 4 5}
FOLDS=${FOLDS-1 2 3 4 5}
BUDGET=${BUDGET:-500}
EXTRA=${EXTRA:-}
mkdir -p "$OUT" "$RUNS"
if ! "$PYTHON" -c "import stanza" 2>/dev/null && [ -d .whl ]; then  # the machine's image lacks stanza: install the carried wheels beside its torch
  "$PYTHON" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH=/tmp/site:$PWD
else
  export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=1
"$PYTHON" -c "import torch, stanza; print('torch', torch.__version__, 'stanza', stanza.__version__, 'cuda:', torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'none (CPU)')"
started=$(date +%s)
for fold in $FOLDS; do
  timeout "$BUDGET" "$PYTHON" -m annotate train-ner --data "$DATA" --cv 5 --fold "$fold" --work "$RUNS/cv5" $EXTRA > "$RUNS/cv5-fold$fold.log" 2>&1 &
done
for seed in $SEEDS; do
  timeout "$BUDGET" "$PYTHON" -m annotate train-ner --data "$DATA" --final-stage --seed "$seed" --work "$RUNS/seed$seed" $EXTRA > "$RUNS/seed$seed.log" 2>&1 &
done
wait
echo "units ran $(( $(date +%s) - started )) s"
# The table over every finished fold: --fold K of a finished fold trains nothing and writes cv.md and cv.json
# over all the finished ones (an unfinished one, cut by the budget, is left out).
finished=$(cd "$RUNS/cv5" 2>/dev/null && ls -d fold*/finished 2>/dev/null | head -1 | sed 's/^fold\([0-9]*\)\/finished$/\1/')
if [ -n "$finished" ]; then
  "$PYTHON" -m annotate train-ner --data "$DATA" --cv 5 --fold "$finished" --resume --work "$RUNS/cv5" $EXTRA && cp "$RUNS/cv5/cv.md" "$RUNS/cv5/cv.json" "$OUT/"
else
  echo "no fold finished within $BUDGET s"
fi
# Each finished seed as an ensemble member, stored as the build ships it.
for seed in $SEEDS; do
  unit="$RUNS/seed$seed"
  if [ -e "$unit/finished" ]; then
    "$PYTHON" -c "import sys; from pathlib import Path; from annotate.ner.ensemble import write_member; write_member(Path(sys.argv[1]), Path(sys.argv[2]))" \
      "$unit/ar_ner_anercorp.pt" "$OUT/ar_ner_anercorp.member-seed$seed.pt"
    echo "seed $seed: $(tr -d '\n ' < "$unit/scores.json" | head -c 300)"
  else
    echo "seed $seed: not finished within $BUDGET s"
  fi
done
tar czf "$OUT/logs.tgz" -C "$RUNS" $(cd "$RUNS" && ls -d *.log */scores.json */train.log cv5/*/scores.json cv5/*/train.log 2>/dev/null)
ls -la "$OUT"
