#!/usr/bin/env bash
# The browser's ways of reading a file's JSON, measured in wasm bytes (issue
# 19). Builds the release wasm of the committed tree (HEAD) once per option,
# in a scratch worktree, as scripts/wasm-breakdown.sh does (wasm-bindgen, then
# wasm-opt -Oz, as Trunk does), and prints raw and gzip -9 bytes against
# today's build. Takes about 3 minutes a build. Usage: scripts/json-options.sh
#
#   own         today: Involve's own reader (format::value::read) into the
#               tree that import reads the answers from through forms::access
#   serde_json  serde_json's deserializer into the same tree, replacing the
#               own reader (what the CLI uses)
#   swb         the browser's JSON.parse, then serde-wasm-bindgen into the same
#               tree (the column and line of a syntax error are lost)
#   wire_own    today's build plus decoding into the wire types with their
#               derived Deserialize (the own reader's tree, as a serde_json
#               Value, through serde_json::from_value) -- the added bytes of
#               derived decoding
#   wire_serde  today's build plus serde_json::from_str straight into the wire
#               types
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
root=$PWD
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/tree" HEAD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/json-options}"
value="$work/tree/src/format/value.rs"
web="$work/tree/src/bin/involve_web.rs"
cp "$value" "$work/value.rs"
cp "$web" "$work/web.rs"

build() {
  (cd "$work/tree" && cargo build -q --release --target wasm32-unknown-unknown --bin involve-web --features web)
  wasm-bindgen --target web --no-typescript --out-dir "$work/out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/involve-web.wasm"
  wasm-opt -Oz --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$work/out/involve-web_bg.wasm" -o "$work/out/opt.wasm"
  echo "$(stat -c %s "$work/out/opt.wasm") $(gzip -9c "$work/out/opt.wasm" | wc -c)"
}

# The native-only parts of value.rs made available to the wasm too.
open_cfg() {
  sed -i 's/^#\[cfg(not(target_arch = "wasm32"))\]$/#[cfg(all())]/' "$value"
}

variant() {
  cp "$work/value.rs" "$value"
  cp "$work/web.rs" "$web"
  case "$1" in
    own) ;;
    serde_json)
      open_cfg
      # Drop the wasm32 parse (own reader); the opened native one is serde_json.
      python3 - "$value" <<'PY'
import sys; p = sys.argv[1]; s = open(p).read()
a = s.index('/// Read JSON text: in the browser with [`read`].\n#[cfg(target_arch = "wasm32")]')
b = s.index('}\n', a) + 2
open(p, 'w').write(s[:a] + s[b:])
PY
      ;;
    swb)
      open_cfg
      python3 - "$value" <<'PY'
import sys; p = sys.argv[1]; s = open(p).read()
a = s.index('/// Read JSON text: in the browser with [`read`].\n#[cfg(target_arch = "wasm32")]')
b = s.index('}\n', a) + 2
c = s.index('/// Read JSON text: in the browser with [`read`]; in the CLI')
d = s.index('}\n', c) + 2
swb = '''pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let js = js_sys::JSON::parse(text).map_err(|_| SyntaxError { line: 1, column: 1 })?;
    serde_wasm_bindgen::from_value(js).map_err(|_| SyntaxError { line: 1, column: 1 })
}
'''
open(p, 'w').write(s[:c] + swb + s[d:a] + s[b:])
PY
      ;;
    wire_own)
      cat >> "$web" <<'RS'
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn json_probe(text: &str) -> bool {
    use involve::format::value::{Number, Value};
    // The tree as serde_json's Value, whose Deserializer stands in for one
    // over Involve's own tree.
    fn to_serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Number(Number::PosInt(n)) => (*n).into(),
            Value::Number(Number::NegInt(n)) => (*n).into(),
            Value::Number(Number::Float(f)) => (*f).into(),
            Value::String(s) => s.as_str().into(),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(to_serde).collect()),
            Value::Object(m) => serde_json::Value::Object(m.iter().map(|(k, x)| (k.clone(), to_serde(x))).collect()),
        }
    }
    let Ok(v) = involve::format::value::read(text) else { return false };
    serde_json::from_value::<involve::model::Answers>(to_serde(&v)).is_ok()
}
RS
      ;;
    wire_serde)
      cat >> "$web" <<'RS'
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn json_probe(text: &str) -> bool {
    serde_json::from_str::<involve::model::Answers>(text).is_ok()
}
RS
      ;;
  esac
}

printf '%-11s %9s %9s %11s %11s\n' option raw gzip "raw vs own" "gzip vs own"
base=""
for v in own serde_json swb wire_own wire_serde; do
  variant "$v"
  read -r raw gz < <(build)
  if [ -z "$base" ]; then base="$raw $gz"; fi
  read -r braw bgz <<<"$base"
  printf '%-11s %9d %9d %+11d %+11d\n' "$v" "$raw" "$gz" $((raw - braw)) $((gz - bgz))
done
