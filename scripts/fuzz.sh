#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz / libFuzzer) of import + validation.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]    (default 60 s)
#
# Seeds fuzz/corpus/import_validate from tests/corpus (the committed bad-input
# corpus) and tests/fixtures, then runs the import_validate target for
# SECONDS. Exits non-zero if libFuzzer finds a crash (the input is saved
# under fuzz/artifacts/import_validate/; add it to tests/corpus as a
# regression case). Works on stable Rust through RUSTC_BOOTSTRAP=1.
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    echo "fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION" >&2
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

corpus="$root/fuzz/corpus/import_validate"
mkdir -p "$corpus" fuzz/artifacts/import_validate
# Seed (idempotent: libFuzzer names its own finds by hash, ours by file name).
for f in tests/corpus/* tests/fixtures/*.json tests/fixtures/mixed/*.json; do
    [ -f "$f" ] || continue
    case "$f" in */manifest.json) continue ;; esac
    cp -f "$f" "$corpus/seed-$(basename "$f")"
done

export RUSTC_BOOTSTRAP=1
# -max_len: bigger than the 2 MiB limit is pointless to mutate; 64 KiB keeps
# executions fast while covering every document Involve writes.
exec cargo fuzz run import_validate "$corpus" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -dict="$root/fuzz/import_validate.dict" "$@"
