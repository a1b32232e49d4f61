# 社区报 — everything a fresh Debian machine needs, installed on first use.
#   make serve   build the sample bulletin and serve it on http://127.0.0.1:8000
#   make test    the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000

# Debian packages the project needs: Chromium for browser tests, CJK fonts,
# pango and harfbuzz for WeasyPrint, poppler for checking PDFs.
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

.PHONY: install system serve build check test bench clean print

install: system $(STAMP)

system:
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv; }
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "安装系统软件包：$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: install
	$(BIN)/bulletin serve -a $(ADDR)

build: install
	$(BIN)/bulletin build

check: install
	$(BIN)/bulletin check

test: install
	$(BIN)/python -m pytest

# Build times and memory at archive scale against plain MkDocs and Hugo (bench/RESULTS.md).
bench: install
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	cd bench && ../$(BIN)/python run.py $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf site .cache test-artifacts

# The paper edition as a print-ready PDF: the newest edition, or EDITION=id (SIZE=A4).
print: install
	$(BIN)/bulletin print $(EDITION) $(if $(SIZE),--size $(SIZE))
