#!/usr/bin/env bash
# make bench: one benchmark run, written to BENCHMARKS.md (newest run first).
#
#  1. release dist (make dist);
#  2. the peer harness (../shared/bench/peers, copied to target/bench-peers
#     because shared/ is read-only and run.sh writes node_modules, dist and
#     results.json beside itself) measures four form stacks and Involve in the
#     same run. Involve is measured on a bench copy of dist whose index.html
#     opens the bookmarkable route #/b-step-1 (Appendix B Step 1, the first
#     question page) when no route is given: see BENCHMARKS.md, "Method";
#  2b. the Yew floor (benches/yew-floor: the smallest Yew app with one text
#     box, built with the same toolchain and glue minification) measured by the
#     same harness, for what the required stack costs before any content;
#  2c. the start page, and a returning user (complete.json saved in the browser) on #/b-step-1, by
#     the same harness; a new user's first Save and continue (scripts/first-screens.mjs);
#  3. scripts/bench-ui.mjs: keystroke to paint and validation timings at 4x CPU;
#  4. cargo bench --bench throughput: native validate + assess, export, import;
#  5. tests/cli_throughput.rs: `involve check` on 10,000 generated files;
#  6. where the wasm bytes go (scripts/wasm-breakdown.sh, when twiggy is installed);
#  7. scripts/bench-report.mjs writes the dated tables into BENCHMARKS.md.
#
# env: RUNS (default 5: cold loads per stack and mode in the peer harness),
#      SKIP_DIST=1 to reuse dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export RUNS="${RUNS:-5}"
out=target/bench
mkdir -p "$out"

if [ -z "${SKIP_DIST:-}" ]; then make --no-print-directory dist >&2; fi

# Bench copy of dist: same files, index.html opens #/b-step-1 when no route is given.
node scripts/bench-dist.mjs dist "$out/dist" '/b-step-1' >&2

# Peer harness, from a writable copy.
peers=target/bench-peers
if [ ! -f "$peers/run.sh" ] || ! diff -q ../shared/bench/peers/measure.mjs "$peers/measure.mjs" >/dev/null 2>&1; then
  rm -rf "$peers"; mkdir -p "$peers"
  cp -r ../shared/bench/peers/. "$peers/"; chmod -R u+w "$peers"
fi
echo "bench: peer harness (RUNS=$RUNS), several minutes" >&2
EXTRA_SUBMIT='form.app-question-form button[type=submit]' \
EXTRA_ERR='.nhsuk-error-message' EXTRA_ERR_COUNT=3 \
EXTRA_OK='#task-progress' \
  "$peers/run.sh" "$out/dist" '[id="b.location"]' involve > "$out/peers.md"
cp "$peers/results.json" "$out/peers.json"

echo "bench: the Yew floor (benches/yew-floor)" >&2
rm -rf "$out/yew-floor"
CARGO_TARGET_DIR="$PWD/target/yew-floor" trunk build --release --config benches/yew-floor/Trunk.toml --dist "$PWD/$out/yew-floor" >&2
node -e 'import("./scripts/offline.mjs").then((m) => m.minifyGlue(process.argv[1]))' "$out/yew-floor" >&2
root="$PWD"
(cd "$peers" && node measure.mjs --runs "$RUNS" --only yew-floor --out "$root/$out/floor.json" \
  --extra-dir "$root/$out/yew-floor" --extra-selector '[id="b.location"]' --extra-name yew-floor > /dev/null)

echo "bench: the start page (dist/ as it is), until Start now is visible and enabled" >&2
(cd "$peers" && node measure.mjs --runs "$RUNS" --only involve-start --out "$root/$out/start.json" \
  --extra-dir "$root/dist" --extra-selector '#start-now' --extra-name involve-start > /dev/null)

# A returning user: the same dist with tests/fixtures/complete.json saved in this
# browser (scripts/bench-dist.mjs), until the Location box is visible (before the
# wasm, the prerendered page with the saved answers put in; scripts/first-screens.mjs
# checks the value too). No submit: a filled page's Save and continue leaves
# #/b-step-1, and the harness's reload would then wait for a box that is not there.
echo "bench: a returning user on #/b-step-1" >&2
node scripts/bench-dist.mjs dist "$out/returning" '/b-step-1' tests/fixtures/complete.json >&2
(cd "$peers" && EXTRA_SUBMIT='#no-submit-for-a-returning-user' node measure.mjs --runs "$RUNS" --only involve-returning \
  --out "$root/$out/returning.json" --extra-dir "$root/$out/returning" --extra-selector '[id="b.location"]' \
  --extra-name involve-returning > /dev/null)

# A new user's first click: navigation start -> the error summary after clicking the
# first visible Save and continue on #/b-step-1 (scripts/first-screens.mjs).
echo "bench: a new user's first Save and continue on #/b-step-1" >&2
node scripts/first-screens.mjs --first-click --runs "$RUNS" --out "$out/firstclick.json" dist > /dev/null

echo "bench: keystroke and validation timings" >&2
CHROMIUM_VERSION="$(chromium --version 2>/dev/null | head -n1)" node scripts/bench-ui.mjs dist --runs "$RUNS" --out "$out/ui.json" > /dev/null

echo "bench: native throughput" >&2
cargo bench --bench throughput 2>/dev/null > "$out/native.md"

echo "bench: involve check on 10,000 files, involve report on 2,000" >&2
cargo test --release --test cli_throughput -- --ignored --nocapture --test-threads=1 2>/dev/null | grep -E "checked 10,000|annual report of" > "$out/cli.txt"

if command -v twiggy >/dev/null; then scripts/wasm-breakdown.sh 0 > "$out/breakdown.txt" 2>/dev/null || rm -f "$out/breakdown.txt"; else rm -f "$out/breakdown.txt"; fi

node scripts/bench-report.mjs "$out" BENCHMARKS.md
echo "bench: wrote BENCHMARKS.md" >&2
