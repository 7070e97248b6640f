"""`make bench`: every benchmark, printed. Sizes are kept modest here; see each script for more."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

for script, args in [("ner_speed.py", []), ("scale.py", ["--articles", "1000", "--jobs-throughput", "1000"])]:
    print(f"== bench/{script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True, cwd=ROOT)
