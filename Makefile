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


.PHONY: help serve build bundle fuzz bench test lint test-native test-wasm test-e2e test-firefox test-hosting tools tools-test sample fixtures clean

help:
	@echo "make serve  — install what is missing, build and serve the app on http://127.0.0.1:8080"
	@echo "make test   — install what tests need and run every test (native, wasm, browser)"
	@echo "make build  — release build into dist/"
	@echo "make test-hosting — the page served by nginx under /chiso/ (deploy/), an update from one build to the next"
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

# Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser),
# Debian's firefox-esr for the Firefox pass (test-firefox), and Debian's nginx to serve
# the page as a web server does (test-hosting); each only when missing.
tools-test: tools
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing="$$missing firefox-esr"; \
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
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
	cargo run --quiet --release --example gen_bench -- target/bench --commune
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
	mkdir -p fuzz/corpus/docx fuzz/corpus/pdf
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O docx corpus/docx seeds/docx -- \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=262144
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O pdf corpus/pdf seeds/pdf -- \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=262144

serve: tools
	@echo "Chỉ Số: http://127.0.0.1:8080 — press «Dữ liệu mẫu» for the built-in sample."
	trunk serve --release

# Rewrites the built-in sample workbook from its generator.
sample:
	cargo run --quiet --example gen_sample -- assets/sample/chiso-mau.xlsx

## Tests ---------------------------------------------------------------------------------

test: tools-test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory test-e2e test-firefox
	$(MAKE) --no-print-directory test-hosting HOSTING_A_FROM=dist

# Formatting and clippy over the workspace (warnings are errors; [workspace.lints] and
# clippy.toml: no function over 120 lines), natively and for the page's wasm32 build; the
# core checked for wasm32 on its own; the layout's rules (tools/check-layout.sh); no
# function over 120 lines of code, component bodies included (tools/fn-lengths.py: clippy
# does not see inside #[function_component]); no two modules that use each other
# (tools/mod-deps.py: `crate::`/`super::` paths outside comments and tests); no broken intra-doc link (cargo doc, the
# app's private items documented too); the fuzz targets built (not run) on stable, so that `make fuzz` keeps building: fuzz/ is a crate of
# its own, outside the workspace, with its own Cargo.lock (--locked: after a change of the
# core's dependencies, run the line without it and commit fuzz/Cargo.lock) and its own
# target dir (cargo fuzz builds into fuzz/target). ~25 s cold, under 1 s warm.
lint:
	cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown --lib --bins -- -D warnings
	cargo check -q -p chiso-core --target wasm32-unknown-unknown
	tools/check-layout.sh
	python3 tools/fn-lengths.py --max 120
	python3 tools/mod-deps.py --check --depth 3 crates/core/src crates/charts/src crates/pdf/src src
	RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links -D rustdoc::private_intra_doc_links" \
	  cargo doc -q --no-deps -p chiso-core -p chiso-charts -p chiso-pdf
	RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links" \
	  cargo doc -q --no-deps -p chiso --target wasm32-unknown-unknown --document-private-items
	cargo build --locked --manifest-path fuzz/Cargo.toml --target-dir target/fuzz-build --bins

test-native:
	cargo test --workspace --all-targets

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm

fixtures:
	cargo run --quiet --example gen_fixtures -- $(FIXTURES)
	cargo run --quiet --example gen_bench -- $(FIXTURES)/bench --commune

test-e2e: bundle fixtures
	node --test tests/e2e/

# The same user steps in Debian's firefox-esr (puppeteer-core over WebDriver BiDi, no
# downloaded browser): sample, a workbook of each format and a broken one, the four views,
# tidy CSV, a link with its data, the offline copy from file://, the service worker.
# `make test` runs it with test-e2e in one make, so dist/ is built once.
test-firefox: tools-test bundle
	node --test tests/e2e-firefox/

# The page as a provincial IT team hosts it: Debian's nginx with deploy/nginx.conf (and
# deploy/chiso-locations.conf) under /chiso/ on a free loopback port, started and stopped
# by the test itself (no system service; its files under target/hosting/nginx). Two release
# builds in target/hosting (dist/ is never served or written): A as `make build` makes it,
# B with another CHISO_BUILD_ID (so another wasm), to check that a user who has A cached
# gets B. tests/e2e/hosting.test.mjs skips itself without them (a plain `node --test
# tests/e2e/`). `make test` passes HOSTING_A_FROM=dist: A is then a copy of the dist/ it
# has just built (~55 s in all: B's build ~40 s, the pass ~15 s).
HOSTING := target/hosting
HOSTING_B_BUILD := hosting-b
HOSTING_A_FROM ?=
test-hosting: tools-test
	test -s $(FIXTURES)/xep-hang-2022.xlsx || cargo run --quiet --example gen_fixtures -- $(FIXTURES)
	rm -rf $(HOSTING)/a && mkdir -p $(HOSTING)
	$(if $(HOSTING_A_FROM),cp -r $(HOSTING_A_FROM) $(HOSTING)/a,trunk build --release --dist $(HOSTING)/a)
	CHISO_BUILD_ID=$(HOSTING_B_BUILD) trunk build --release --dist $(HOSTING)/b
	CHISO_HOSTING_A=$(HOSTING)/a CHISO_HOSTING_B=$(HOSTING)/b CHISO_HOSTING_B_BUILD=$(HOSTING_B_BUILD) \
	  node --test tests/e2e/hosting.test.mjs

clean:
	rm -rf dist target .tools node_modules
