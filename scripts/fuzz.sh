#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz / libFuzzer) of everything that reads
# input from outside:
#   import_validate  a file: import, validation, rules, export, documents, check
#   host_load        the host-page API's load command and its document
#   settings         the organisation settings block
#   review_file      the review page's per-file path and its reports
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]    (default 60 s, shared
#                                                            by the four targets)
#
# Seeds each target's corpus (fuzz/corpus/<target>) from tests/corpus (the
# committed bad-input corpus) and tests/fixtures, the settings target from the
# settings examples, then runs each target for its share of SECONDS (at least
# 10 s). Exits non-zero if libFuzzer finds a crash (the input is saved under
# fuzz/artifacts/<target>/; add it to tests/corpus as a regression case).
# Works on stable Rust through RUSTC_BOOTSTRAP=1.
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

export RUSTC_BOOTSTRAP=1
targets=(import_validate host_load settings review_file)
share=$(( seconds / ${#targets[@]} ))
[ "$share" -ge 10 ] || share=10

for target in "${targets[@]}"; do
    corpus="$root/fuzz/corpus/$target"
    mkdir -p "$corpus" "fuzz/artifacts/$target"
    # Seed (idempotent: libFuzzer names its own finds by hash, ours by file name).
    if [ "$target" = settings ]; then
        # Every key, well formed; a wrong type, an unknown key, a bad link.
        printf '%s' '{"organisation_name":"NHS Example ICB","organisation_type":"icb","help_contact":"engagement@nhs.net","involvement_policy_url":"https://example.nhs.uk/policy","privacy_notice_url":"/privacy","host_origins":["https://intranet.example.nhs.uk"]}' > "$corpus/seed-all-keys.json"
        printf '%s' '{"organisation_name":7,"colour":"red","help_contact":"0300 123 4567","privacy_notice_url":"javascript:alert(1)","host_origins":"*"}' > "$corpus/seed-wrong.json"
    else
        for f in tests/corpus/* tests/fixtures/*.json tests/fixtures/mixed/*.json; do
            [ -f "$f" ] || continue
            case "$f" in */manifest.json) continue ;; esac
            case "$target" in
                host_load) { printf '{"protocol":"involve","version":1,"type":"load","document":'; cat "$f"; printf '}'; } > "$corpus/seed-$(basename "$f")" ;;
                review_file) { printf '%s\n' "$(basename "$f")"; cat "$f"; } > "$corpus/seed-$(basename "$f")" ;;
                *) cp -f "$f" "$corpus/seed-$(basename "$f")" ;;
            esac
        done
    fi
    dict=()
    [ "$target" = settings ] || dict=(-dict="$root/fuzz/import_validate.dict")
    echo "fuzz.sh: $target for ${share} s" >&2
    # -max_len: bigger than the 2 MiB limit is pointless to mutate; 64 KiB keeps
    # executions fast while covering every document Involve writes.
    cargo fuzz run "$target" "$corpus" -- \
        -max_total_time="$share" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 "${dict[@]}" "$@"
done
