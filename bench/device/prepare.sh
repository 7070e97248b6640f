#!/usr/bin/env bash
# Here, before a GPU run (issue 23, lever 5): put what bench/device/train.sh needs and the GPU machine lacks
# into two folders git ignores, which the device tool's `run` carries:
#   .whl/          stanza and the packages it needs that the machine's image has not (Python 3.12 wheels),
#                  pinned to the versions of this venv;
#   .device-data/  ANERcorp and AQMAR from ../shared/data (they never enter git).
# Then: run(command="bash bench/device/train.sh", carry=[".whl", ".device-data"], timeout_s=590).
# The working tree that travels is at most 64 MiB: the shipped model files are 55 MB of it.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-../shared/data}
PYTHON=${PYTHON:-.venv/bin/python}
exclude=$(git rev-parse --git-path info/exclude)
mkdir -p "$(dirname "$exclude")"
for folder in /.whl/ /.device-data/; do grep -qxF "$folder" "$exclude" 2>/dev/null || echo "$folder" >> "$exclude"; done
rm -rf .whl .device-data
mkdir -p .whl .device-data
# Not in the machine's image (/work/.library/device/KINDS.md lists what is): stanza and these of its needs.
for name in stanza emoji orjson platformdirs termcolor udtools udapi; do
  version=$("$PYTHON" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p')
  [ -n "$version" ] || { echo "prepare: $name is not installed in $PYTHON's environment; run make setup first" >&2; exit 1; }
  "$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform any \
    -d .whl "$name==$version"
done
cp -r "$DATA/anercorp" "$DATA/aqmar" .device-data/
travels=$(( $(git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1) + $(du -sb .whl .device-data | cut -f1 | paste -sd+ | bc) ))
echo "prepared: $(ls .whl | wc -l) wheels, $(du -sh .device-data | cut -f1) of data; the tree that travels is $((travels / 1048576)) MiB of 64"
[ "$travels" -lt $((64 * 1048576)) ] || { echo "prepare: over the 64 MiB the device tool carries" >&2; exit 1; }
