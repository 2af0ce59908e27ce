# Chỉ Số — every command a developer or CI needs. Each target installs what it is missing
# (pinned versions) and skips what is already there, so a warm run is fast.
#
#   make serve   install what is missing, build, serve on http://127.0.0.1:8080
#   make test    install what tests need, run every test: native, wasm, browser (e2e)
#   make build   release build into dist/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
FIXTURES := target/e2e-fixtures


.PHONY: help serve build bundle fuzz bench test test-native test-wasm test-e2e tools tools-test sample fixtures clean

help:
	@echo "make serve  — install what is missing, build and serve the app on http://127.0.0.1:8080"
	@echo "make test   — install what tests need and run every test (native, wasm, browser)"
	@echo "make build  — release build into dist/"
	@echo "make bundle — the single-file offline copy: dist/chiso-offline.html"
	@echo "make bench  — import benchmark against SheetJS and calamine (medians, ratios)"
	@echo "make fuzz   — the fuzz targets, FUZZ_SECONDS each (default 600)"

## Tools ---------------------------------------------------------------------------------

tools: .tools/rust .tools/npm

.tools/rust: Makefile
	@mkdir -p .tools
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)" || cargo install trunk --locked --version $(TRUNK_VERSION)
	wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@touch $@

.tools/npm: package.json package-lock.json
	@mkdir -p .tools
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser).
tools-test: tools
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends chromium chromium-driver; \
	fi

## App -----------------------------------------------------------------------------------

build: tools
	trunk build --release

# One self-contained HTML file that works from file:// with no network (written by the
# post-build hook of every build).
bundle: build
	@test -s dist/chiso-offline.html && ls -l dist/chiso-offline.html

# Benchmark (not part of `make test`): generates the 144k-row workbooks, then times
# Chỉ Số (page, core in wasm, native) against SheetJS and native calamine.
bench: build
	cargo run --quiet --release --example gen_bench -- target/bench
	node bench/browser.mjs

# Fuzzing (not part of `make test`): each target for FUZZ_SECONDS; crashes land in
# fuzz/artifacts/ and become regression files under tests/fixtures/regressions/.
FUZZ_SECONDS ?= 600
fuzz:
	cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/import fuzz/corpus/codec
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O import corpus/import seeds/import -- \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=262144
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O codec corpus/codec seeds/codec -- -max_total_time=$(FUZZ_SECONDS)

serve: tools
	@echo "Chỉ Số: http://127.0.0.1:8080 — press «Dữ liệu mẫu» for the built-in sample."
	trunk serve --release

# Rewrites the built-in sample workbook from its generator.
sample:
	cargo run --quiet --example gen_sample -- assets/sample/chiso-mau.xlsx

## Tests ---------------------------------------------------------------------------------

test: tools-test
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory test-e2e

test-native:
	cargo test --all-targets

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm

fixtures:
	cargo run --quiet --example gen_fixtures -- $(FIXTURES)
	cargo run --quiet --example gen_bench -- $(FIXTURES)/bench

test-e2e: bundle fixtures
	node --test tests/e2e/

clean:
	rm -rf dist target .tools node_modules
