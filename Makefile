# The two commands that matter: `make site` (build the site) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= corpus
OUT ?= site
# An extra package index for torch. Empty here: on these machines the default index serves the CPU wheel.
# On a GitHub-hosted runner PyPI's torch is the CUDA build (GB of NVIDIA wheels); the workflow sets
# TORCH_INDEX=https://download.pytorch.org/whl/cpu so pip takes 2.13.0+cpu instead. Override as you need.
TORCH_INDEX ?=

.PHONY: setup site serve test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch==2.13.0 in the same call as stanza: the CPU wheel, not a multi-GB CUDA build.
	$(PY) -m pip install --quiet $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX) )torch==2.13.0 -e '.[test]'
	touch $@

setup: $(VENV)/.installed

site: setup
	$(PY) -m annotate site --corpus $(CORPUS) --out $(OUT)

serve: setup
	$(PY) -m annotate serve --corpus $(CORPUS) --out $(OUT)

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf build $(OUT)
