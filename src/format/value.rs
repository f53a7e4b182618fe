//! JSON text read into a tree: [`parse`].
//!
//! Two readers, one behaviour. The CLI and every native build read with
//! serde_json itself (its deserializer straight into this [`Value`]). The
//! browser reads with [`read`], Involve's own reader: serde_json's
//! deserializer was about 20 KB of the WebAssembly build, against a few KB
//! for this one (the measured options are in `docs/format.md`). [`read`] is
//! a port of exactly what serde_json 1.0's `from_str` into `Value` does with
//! default features, so everything a user can see is the same in both:
//!
//! * the same inputs are accepted and refused, and a refusal gives the same
//!   line and column (1-based line; the column counts bytes, as serde_json's
//!   does);
//! * numbers: a whole number within `u64` (or, if negative, `i64`) stays a
//!   whole number; anything else (a fraction, an exponent, `-0`, a larger
//!   whole number) is an `f64`, computed as serde_json computes it (without
//!   its `float_roundtrip` feature), and a number beyond `f64` is refused;
//! * strings: `\u` escapes must pair surrogates; raw control characters are
//!   refused;
//! * objects: keys in sorted order (serde_json's `Map` is a `BTreeMap`), and
//!   a duplicated key keeps its last value;
//! * nesting deeper than 127 levels is refused (import refuses anything deeper
//!   than [`super::MAX_DEPTH`] before reading).
//!
//! `tests/format_value.rs` checks all of this against serde_json itself, and
//! the fuzz target does too.

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, as serde_json keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    PosInt(u64),
    /// A negative whole number within `i64`.
    NegInt(i64),
    /// Anything else (always finite).
    Float(f64),
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }

    /// A whole number (serde_json's `is_u64() || is_i64()`).
    pub fn is_integer(&self) -> bool {
        !matches!(self, Number::Float(_))
    }

    /// As serde_json writes it.
    pub fn to_text(&self) -> String {
        match *self {
            Number::PosInt(n) => n.to_string(),
            Number::NegInt(n) => n.to_string(),
            Number::Float(f) => float_text(f),
        }
    }
}

/// A finite `f64` as serde_json writes it (shortest text that reads back
/// to the same number; `1.0`, `2.5`, `1e300`).
pub fn float_text(f: f64) -> String {
    serde_json::Number::from_f64(f)
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// An object: keys sorted (byte order) and unique, as in serde_json's `Map`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Insert or replace.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// From entries in file order: sorted by key (stable), the last of
    /// equal keys kept.
    fn from_entries(entries: Vec<(String, Value)>) -> Self {
        let mut out: Vec<(String, Value)> = Vec::with_capacity(entries.len());
        for (k, v) in merge_sort(entries) {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Map(out)
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// A stable merge sort by key (a few hundred bytes of WebAssembly, where the
/// standard library's sort is several KB; O(n log n) for any key order).
fn merge_sort(mut v: Vec<(String, Value)>) -> Vec<(String, Value)> {
    if v.len() < 2 {
        return v;
    }
    let right = merge_sort(v.split_off(v.len() / 2));
    let left = merge_sort(v);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut right = right.into_iter().peekable();
    for l in left {
        while let Some(r) = right.next_if(|r| r.0 < l.0) {
            out.push(r);
        }
        out.push(l);
    }
    out.extend(right);
    out
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    /// Compact JSON text, as serde_json's `to_string`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&n.to_text()),
            Value::String(s) => super::json::push_str(out, s),
            Value::Array(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    super::json::push_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Where the text is not JSON: serde_json's line (1-based) and column
/// (bytes from the start of the line to the problem, as serde_json counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
}

/// Read JSON text: in the browser with [`read`]; in the CLI and every other
/// native build with serde_json (`serde_json::from_str`, through
/// [`Value`]'s `Deserialize`), whose line and column [`read`] reproduces.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    serde_json::from_str(text).map_err(|e| SyntaxError {
        line: e.line(),
        column: e.column(),
    })
}

/// Read JSON text: in the browser with [`read`].
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    read(text)
}

/// Involve's own JSON reader (the browser's): what
/// `serde_json::from_str::<serde_json::Value>` reads, refused at the same
/// line and column (`tests/format_value.rs`, and the fuzz target).
pub fn read(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 128,
    };
    let v = p.value()?;
    match p.skip_ws() {
        Some(_) => Err(p.peek_error()),
        None => Ok(v),
    }
}

/// serde_json's reading straight into a [`Value`] (native builds only: the
/// browser's wasm never links serde_json's deserializer). Numbers keep
/// serde_json's kinds (a whole number within `u64`, a negative one within
/// `i64`, else an `f64`), and a repeated key keeps its last value.
#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Number(Number::PosInt(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Number(match u64::try_from(n) {
                    Ok(u) => Number::PosInt(u),
                    Err(_) => Number::NegInt(n),
                }))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
                Ok(Value::Number(Number::Float(f)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Value, E> {
                Ok(Value::String(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Value, E> {
                Ok(Value::String(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(v) = seq.next_element()? {
                    items.push(v);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut m = Map::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    m.insert(k, v);
                }
                Ok(Value::Object(m))
            }
        }
        d.deserialize_any(V)
    }
}

type Res<T> = Result<T, SyntaxError>;

struct Parser<'a> {
    s: &'a [u8],
    /// Index of the next byte.
    i: usize,
    /// serde_json's recursion limit.
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn peek0(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    fn at(&self, i: usize) -> SyntaxError {
        let s = &self.s[..i];
        let start = s.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        SyntaxError {
            line: 1 + s[..start].iter().filter(|&&c| c == b'\n').count(),
            column: i - start,
        }
    }

    /// An error caused by a byte already read.
    fn error(&self) -> SyntaxError {
        self.at(self.i)
    }

    /// An error caused by the byte peeked at.
    fn peek_error(&self) -> SyntaxError {
        self.at(self.s.len().min(self.i + 1))
    }

    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn ident(&mut self, rest: &[u8]) -> Res<()> {
        for &c in rest {
            if self.next() != Some(c) {
                return Err(self.error());
            }
        }
        Ok(())
    }

    fn value(&mut self) -> Res<Value> {
        let Some(c) = self.skip_ws() else {
            return Err(self.peek_error());
        };
        Ok(match c {
            b'n' => {
                self.i += 1;
                self.ident(b"ull")?;
                Value::Null
            }
            b't' => {
                self.i += 1;
                self.ident(b"rue")?;
                Value::Bool(true)
            }
            b'f' => {
                self.i += 1;
                self.ident(b"alse")?;
                Value::Bool(false)
            }
            b'-' => {
                self.i += 1;
                Value::Number(self.integer(false)?)
            }
            b'0'..=b'9' => Value::Number(self.integer(true)?),
            b'"' => {
                self.i += 1;
                Value::String(self.string()?)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error());
                }
                self.i += 1;
                let v = if c == b'[' {
                    self.array()?
                } else {
                    self.object()?
                };
                self.depth += 1;
                let close = if c == b'[' { b']' } else { b'}' };
                // serde_json's end_seq / end_map (reached only when the
                // elements ended at the closing bracket).
                match self.skip_ws() {
                    Some(x) if x == close => self.i += 1,
                    _ => return Err(self.peek_error()),
                }
                v
            }
            _ => return Err(self.peek_error()),
        })
    }

    fn array(&mut self) -> Res<Value> {
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.skip_ws() else {
                return Err(self.peek_error());
            };
            if c == b']' {
                return Ok(Value::Array(items));
            }
            if !first {
                if c != b',' {
                    return Err(self.peek_error());
                }
                self.i += 1;
                if let None | Some(b']') = self.skip_ws() {
                    return Err(self.peek_error());
                }
            }
            first = false;
            items.push(self.value()?);
        }
    }

    fn object(&mut self) -> Res<Value> {
        let mut entries = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.skip_ws() else {
                return Err(self.peek_error());
            };
            if c == b'}' {
                return Ok(Value::Object(Map::from_entries(entries)));
            }
            if !first {
                if c != b',' {
                    return Err(self.peek_error());
                }
                self.i += 1;
                self.skip_ws();
            }
            if self.peek() != Some(b'"') {
                return Err(self.peek_error());
            }
            first = false;
            self.i += 1;
            let key = self.string()?;
            if self.skip_ws() != Some(b':') {
                return Err(self.peek_error());
            }
            self.i += 1;
            entries.push((key, self.value()?));
        }
    }

    /// After the opening quote.
    fn string(&mut self) -> Res<String> {
        let mut out = Vec::new();
        let mut start = self.i;
        loop {
            while self.i < self.s.len() && !matches!(self.s[self.i], b'"' | b'\\' | 0..=0x1f) {
                self.i += 1;
            }
            let Some(c) = self.next() else {
                return Err(self.error());
            };
            out.extend_from_slice(&self.s[start..self.i - 1]);
            match c {
                b'"' => break,
                b'\\' => {
                    self.escape(&mut out)?;
                    start = self.i;
                }
                _ => return Err(self.error()),
            }
        }
        // The text is UTF-8 and escapes add only whole characters.
        Ok(String::from_utf8(out).unwrap_or_default())
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Res<()> {
        let Some(c) = self.next() else {
            return Err(self.error());
        };
        let b = match c {
            b'"' | b'\\' | b'/' => c,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode(out),
            _ => return Err(self.error()),
        };
        out.push(b);
        Ok(())
    }

    fn hex4(&mut self) -> Res<u32> {
        if self.s.len() - self.i < 4 {
            self.i = self.s.len();
            return Err(self.error());
        }
        let mut n = 0;
        let mut ok = true;
        for &c in &self.s[self.i..self.i + 4] {
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => {
                    ok = false;
                    0
                }
            };
            n = n * 16 + d as u32;
        }
        self.i += 4;
        if ok {
            Ok(n)
        } else {
            Err(self.error())
        }
    }

    /// After `\u`: a character, or a surrogate pair.
    fn unicode(&mut self, out: &mut Vec<u8>) -> Res<()> {
        let n = self.hex4()?;
        let c = match n {
            0xDC00..=0xDFFF => return Err(self.error()),
            0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error()),
                        Some(x) => {
                            self.i += 1;
                            if x != want {
                                return Err(self.error());
                            }
                        }
                    }
                }
                let n2 = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error());
                }
                0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00)
            }
            _ => n,
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(
            char::from_u32(c)
                .unwrap_or('\u{fffd}')
                .encode_utf8(&mut buf)
                .as_bytes(),
        );
        Ok(())
    }

    /// After an optional `-` (serde_json's parse_integer).
    fn integer(&mut self, positive: bool) -> Res<Number> {
        let Some(c) = self.next() else {
            return Err(self.error());
        };
        let mut sig: u64 = match c {
            b'0' => {
                if self.peek0().is_ascii_digit() {
                    return Err(self.peek_error());
                }
                0
            }
            b'1'..=b'9' => (c - b'0') as u64,
            _ => return Err(self.error()),
        };
        if c != b'0' {
            while let c @ b'0'..=b'9' = self.peek0() {
                let d = (c - b'0') as u64;
                if overflows(sig, d, u64::MAX) {
                    // Too long for u64: the remaining digits only scale it.
                    let mut exp = 0i32;
                    while self.peek0().is_ascii_digit() {
                        self.i += 1;
                        exp += 1;
                    }
                    return self
                        .fraction_or_exponent(positive, sig, exp)
                        .map(Number::Float);
                }
                self.i += 1;
                sig = sig * 10 + d;
            }
        }
        Ok(match self.peek0() {
            b'.' | b'e' | b'E' => Number::Float(self.fraction_or_exponent(positive, sig, 0)?),
            _ if positive => Number::PosInt(sig),
            _ => {
                let neg = (sig as i64).wrapping_neg();
                // A float on underflow, or for `-0`.
                if neg >= 0 {
                    Number::Float(-(sig as f64))
                } else {
                    Number::NegInt(neg)
                }
            }
        })
    }

    /// serde_json's parse_decimal / parse_exponent / f64_from_parts, from
    /// the byte after the whole part.
    fn fraction_or_exponent(&mut self, positive: bool, mut sig: u64, mut exp: i32) -> Res<f64> {
        if self.peek0() == b'.' {
            self.i += 1;
            let mut after = 0;
            let mut overflowed = false;
            while let c @ b'0'..=b'9' = self.peek0() {
                let d = (c - b'0') as u64;
                self.i += 1;
                if overflowed {
                    continue;
                }
                if overflows(sig, d, u64::MAX) {
                    // Further digits are ignored.
                    overflowed = true;
                    continue;
                }
                sig = sig * 10 + d;
                after -= 1;
            }
            if after == 0 && !overflowed {
                return Err(self.peek_error());
            }
            exp += after;
        }
        if let b'e' | b'E' = self.peek0() {
            self.i += 1;
            let positive_exp = match self.peek0() {
                b'+' => {
                    self.i += 1;
                    true
                }
                b'-' => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut e = match self.next() {
                Some(c @ b'0'..=b'9') => (c - b'0') as i32,
                _ => return Err(self.error()),
            };
            while let c @ b'0'..=b'9' = self.peek0() {
                self.i += 1;
                let d = (c - b'0') as i32;
                if overflows(e as u64, d as u64, i32::MAX as u64) {
                    // serde_json's parse_exponent_overflow.
                    if sig != 0 && positive_exp {
                        return Err(self.error());
                    }
                    while self.peek0().is_ascii_digit() {
                        self.i += 1;
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
                e = e * 10 + d;
            }
            exp = if positive_exp {
                exp.saturating_add(e)
            } else {
                exp.saturating_sub(e)
            };
        }
        let mut f = sig as f64;
        loop {
            match POW10.get(exp.wrapping_abs() as usize) {
                Some(&pow) => {
                    if exp >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error());
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exp >= 0 {
                        return Err(self.error());
                    }
                    f /= 1e308;
                    exp += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }
}

/// serde_json's `overflow!(a * 10 + b, max)`.
fn overflows(a: u64, b: u64, max: u64) -> bool {
    a >= max / 10 && (a > max / 10 || b > max % 10)
}

/// Powers of ten, as serde_json's table (each literal correctly rounded).
static POW10: [f64; 309] = [
    1e000, 1e001, 1e002, 1e003, 1e004, 1e005, 1e006, 1e007, 1e008, 1e009, //
    1e010, 1e011, 1e012, 1e013, 1e014, 1e015, 1e016, 1e017, 1e018, 1e019, //
    1e020, 1e021, 1e022, 1e023, 1e024, 1e025, 1e026, 1e027, 1e028, 1e029, //
    1e030, 1e031, 1e032, 1e033, 1e034, 1e035, 1e036, 1e037, 1e038, 1e039, //
    1e040, 1e041, 1e042, 1e043, 1e044, 1e045, 1e046, 1e047, 1e048, 1e049, //
    1e050, 1e051, 1e052, 1e053, 1e054, 1e055, 1e056, 1e057, 1e058, 1e059, //
    1e060, 1e061, 1e062, 1e063, 1e064, 1e065, 1e066, 1e067, 1e068, 1e069, //
    1e070, 1e071, 1e072, 1e073, 1e074, 1e075, 1e076, 1e077, 1e078, 1e079, //
    1e080, 1e081, 1e082, 1e083, 1e084, 1e085, 1e086, 1e087, 1e088, 1e089, //
    1e090, 1e091, 1e092, 1e093, 1e094, 1e095, 1e096, 1e097, 1e098, 1e099, //
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109, //
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119, //
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, //
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, //
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149, //
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159, //
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169, //
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179, //
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, //
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, //
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209, //
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219, //
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229, //
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239, //
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, //
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, //
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269, //
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279, //
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289, //
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, //
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];
