#!/usr/bin/env bash
# Installs what building and testing Involve needs, and only what is missing or
# at the wrong version. Safe to run again: a second run takes a few seconds.
#
#   Debian: chromium chromium-driver poppler-utils (browser tests, PDF checks),
#           libreoffice-writer-nogui unzip (tests/documents_office.rs reads the .odt/.docx)
#   rustup: the wasm32-unknown-unknown target; rustfmt and clippy (make test checks both)
#   cargo:  trunk 0.21.14, wasm-bindgen-cli 0.2.130 (must equal the wasm-bindgen crate pin)
#   npm:    package-lock.json (binaryen 132 for wasm-opt, playwright-core, axe-core, nhsuk-frontend)
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root to run: $*"; return 1
  fi
}

# --- Debian packages -------------------------------------------------------
missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_debs+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || missing_debs+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing_debs+=(libreoffice-writer-nogui)
command -v unzip >/dev/null 2>&1 || missing_debs+=(unzip)
command -v node >/dev/null 2>&1 || missing_debs+=(nodejs)
command -v npm >/dev/null 2>&1 || missing_debs+=(npm)
if [ ${#missing_debs[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  # The base image can ship half-upgraded packages (perl); repair them first.
  as_root apt-get install -y -q --fix-broken
  as_root apt-get install -y -q --no-install-recommends "${missing_debs[@]}"
fi

# --- Rust target -----------------------------------------------------------
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

# --- Cargo tools (exact versions; Trunk runs offline and will not fetch them) ---
# Trunk's own release profile asks for fat LTO and one codegen unit: a slightly
# faster trunk, but minutes of linking on two cores. It is built with cargo's
# default release profile instead. Both tools are built without their default
# features: TLS for downloads (Involve never lets them download anything; plain
# HTTP to chromedriver needs none) and Trunk's update check, which otherwise
# asks crates.io for a newer version whenever trunk runs without --offline.
# Measured on this 2-core machine with the crates already downloaded (issue 20):
#   trunk, as before (default features, fat LTO)        6 min 43 s
#   trunk, default features, cargo's profile            5 min 14 s
#   trunk, no default features, cargo's profile         5 min 17 s (other builds running for a minute)
#   wasm-bindgen-cli, default features                  2 min 3 s
#   wasm-bindgen-cli, no default features               1 min 51 s
# The dist Trunk builds is byte-identical with either trunk, and `trunk serve`
# still rebuilds on change.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes on two cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Deliberately without --locked: that is how this version was verified to build here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --no-default-features
fi

# --- npm packages ----------------------------------------------------------
# node_modules/.package-lock.json is written by npm ci; it is older than
# package-lock.json exactly when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- Check ------------------------------------------------------------------
[ "$(node_modules/.bin/wasm-opt --version)" = "wasm-opt version 132 (version_132)" ] \
  || { log "node_modules/.bin/wasm-opt is not binaryen 132"; exit 1; }
log "ok: $(trunk --version), $(wasm-bindgen --version), wasm-opt 132, $(chromium --version 2>/dev/null | head -n1)"
