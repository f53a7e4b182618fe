#!/usr/bin/env bash
# Where the wasm bytes go: builds the release wasm with symbol names, runs
# wasm-bindgen and wasm-opt -Oz (as Trunk does) keeping the name section, and
# prints twiggy's top items and a per-crate/module total (names excluded).
# Needs `cargo install twiggy`. Usage: scripts/wasm-breakdown.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out=target/wasm-breakdown
mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --bin involve-web --features web >&2
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/involve-web.wasm
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/involve-web_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/involve-web_bg.wasm" -o "$out/stripped.wasm"
echo "stripped -Oz: $(stat -c %s "$out/stripped.wasm") bytes, gzip -9 $(gzip -9c "$out/stripped.wasm" | wc -c)"
twiggy top -n "${1:-25}" "$out/named.wasm"
twiggy top -n 100000 -f csv "$out/named.wasm" > "$out/top.csv"
python3 - "$out/top.csv" <<'PY'
import csv, re, sys, collections
g = collections.Counter()
for r in csv.DictReader(open(sys.argv[1])):
    n, b = r['Name'], int(r['ShallowSize'])
    if 'function names' in n: continue
    if n.startswith('data segment'): k = 'data (strings, tables)'
    else:
        m = re.findall(r'(involve::[a-z_0-9]+::[a-z_0-9]+|involve::[a-z_0-9]+|yew[a-z_]*|serde_json|serde_core|serde|sha2|gloo[a-z_]*|web_sys|js_sys|wasm_bindgen[a-z_]*|core|alloc|std|dlmalloc|hashbrown|indexmap|implicit_clone)', n)
        k = m[0] if m else 'other'
        if re.search(r'serde_core::(de|ser)::(Deserialize|Serialize) for involve', n): k = 'serde derive (involve)'
    g[k] += b
tot = sum(g.values())
print(f"\nby crate/module (total {tot} bytes):")
for k, v in g.most_common(30): print(f"{v:8d} {100*v/tot:5.1f}%  {k}")
PY
