#!/usr/bin/env bash
# 100,000 articles end to end (issue 22): a full build from pretagged annotations, then a rebuild with nothing
# changed and one with an article changed, each under /usr/bin/time (peak resident memory), and the site's
# size by kind of file. WORK holds corpus/ (bench/synthetic.py WORK/corpus --articles 100000) and cache/
# (bench/pretag.py WORK/corpus WORK/cache); they are copied to WORK/run first, never written.
#
#   bash bench/run100k.sh WORK [ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:?usage: bench/run100k.sh WORK [ARTICLES]}
N=${2:-100000}
PY=${PYTHON:-.venv/bin/python}
echo "code: $(git rev-parse --short HEAD)  start: $(date -u +%T)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$W/run" && mkdir -p "$W/run/cache"
cp -r "$W/corpus" "$W/run/corpus" && printf 'actors: []\n' > "$W/run/corpus/actors.yml"
cp -r "$W/cache/annotations" "$W/run/cache/"
for step in full nothing one; do
  if [ "$step" = one ]; then printf '\nوأضاف خليفة حفتر أن الاجتماع سيعقد في روما.\n' >> "$W/run/corpus/article-00000.txt"; fi
  /usr/bin/time -f "MAXRSS %M KB  wall %e s" "$PY" -m annotate site --corpus "$W/run/corpus" --out "$W/run/site" --cache "$W/run/cache" 2>&1 \
    | grep -v "^undated:" | tail -8 | sed "s/^/$step: /"
  echo "$step: done $(date -u +%T)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
PYTHONPATH=. "$PY" bench/site_size.py "$W/run/site" --articles "$N"
