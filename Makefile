# Involve: `make serve` to run the app, `make test` to run every test layer.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Tools installed by scripts/setup.sh: cargo-installed trunk and wasm-bindgen,
# and wasm-opt from npm binaryen 132 (Trunk finds it on PATH).
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium

PORT ?= 8080

.PHONY: help setup css build serve dist test test-native test-wasm test-e2e test-size bench clean-dist

help:
	@echo "make serve   build the app and serve it on http://127.0.0.1:$(PORT)"
	@echo "make test    native tests, browser (wasm) tests and end-to-end tests"
	@echo "make dist    release build: dist/ and dist/involve-offline.html"
	@echo "make setup   install missing tools (run by the targets above)"

setup:
	@scripts/setup.sh

css: setup
	node scripts/build-css.mjs

# A debug build into dist/ (fast to compile, no wasm-opt).
build: setup
	trunk build

serve: setup
	trunk serve --address 127.0.0.1 --port $(PORT)

# Release build: wasm-opt -Oz, relative URLs, every page's first render as HTML
# (scripts/prerender.mjs, native Yew ssr), then the one-file offline bundle,
# then web.config for IIS and .gz/.br siblings for hosts that serve them.
dist: setup
	trunk build --release
	node scripts/prerender.mjs dist
	node scripts/offline.mjs dist
	node scripts/compress.mjs dist
	@node scripts/sizes.mjs dist

test: setup
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-size
	$(MAKE) --no-print-directory test-e2e

# 1. Native: the domain and the CLI, without any web dependency; then the style
#    checks over every target (the web and prerender code included); the
#    export -> import round trip again for 10,000 cases in release mode (about
#    20 s once built); the fuzz targets.
test-native:
	cargo fmt --check
	cargo test
	cargo clippy --all-targets --all-features -- -D warnings
	ROUND_TRIP_CASES=10000 cargo test --release --test format_props export_then_import_is_lossless
	scripts/fuzz.sh 60

# 2. wasm-bindgen-test in headless Chromium: only tests/web_*.rs are built for wasm.
#    webdriver.json at the crate root passes --no-sandbox and friends to Chromium.
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --features web --test 'web_*'

# 3. End-to-end against dist/ served over HTTP and dist/involve-offline.html over file://;
#    the TAP is also kept in target/e2e.tap, where scripts/e2e-count.mjs checks the
#    accessibility statement's count of end-to-end tests against this run.
test-e2e:
	@mkdir -p target
	node --test --test-concurrency=1 --test-reporter=tap --test-reporter-destination=stdout \
	  --test-reporter=tap --test-reporter-destination=target/e2e.tap tests/e2e/*.test.mjs
	node scripts/e2e-count.mjs target/e2e.tap

# Size budget of dist/ (needs make dist first): bytes are deterministic, so they are tested;
# and the hosting files: .gz/.br siblings decompress to their originals, web.config.
test-size:
	node --test tests/size_budget.test.mjs tests/dist_files.test.mjs tests/docs.test.mjs

# One benchmark run beside the four peer stacks, written to BENCHMARKS.md (RUNS=3 for a quicker pass).
bench: setup
	scripts/bench.sh

clean-dist:
	rm -rf dist www/generated
