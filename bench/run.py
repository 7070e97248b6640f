"""Run every benchmark in bench/ and print its figures (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["ner_speed.py", "site_scale.py", "rebuild.py"]

for name in BENCHMARKS:
    script = HERE / name
    if script.exists():
        print(f"== {name}", flush=True)
        subprocess.run([sys.executable, str(script)], check=True)
