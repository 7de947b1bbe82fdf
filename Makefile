# Two commands on a fresh machine (see README):
#   make example   — set everything up and build the graph of the example article into out/
#   make test      — set everything up and run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
KG      = $(VENV)/bin/kg

.PHONY: install example test test-fast eval clean notebooks notebooks-test notebooks-strip

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

example: install
	$(KG) build examples/ai_safety_summit_fr.txt --published 2023-11-01 --out out/

eval: install
	$(KG) eval tests/corpus --no-details

test: install
	$(PY) -m pytest -q

# the unit tests only (no spaCy model, no subprocess or server, no browser): seconds
test-fast: install
	$(PY) -m pytest -q -m "not model and not integration and not browser"

# Jupyter and the notebook extras (pandas, matplotlib, JupyterLab) are the optional `notebooks` group
$(VENV)/.notebooks: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test,notebooks]"
	touch $@

notebooks: $(VENV)/.notebooks
	$(VENV)/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

notebooks-test: install
	$(PY) -m pytest -q tests/notebooks/

notebooks-strip: $(VENV)/.notebooks
	$(VENV)/bin/jupyter nbconvert --clear-output --inplace $(foreach f,collapsed scrolled execution,--ClearOutputPreprocessor.remove_metadata_fields=$(f)) notebooks/*.ipynb

clean:
	rm -rf out .pytest_cache build *.egg-info
