// The hosting files of the release dist (issue 12), run by `make test-size` after `make dist`:
// the pre-compressed .gz/.br siblings (scripts/compress.mjs) decompress to the exact
// bytes of their originals, every compressible file has both, and dist/web.config is
// well-formed XML with the wasm MIME type and each page's own CSP as a header.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import {
  listFiles, isCompressible, isSibling, metaCsp, gzip, brotli, COMPRESSIBLE, HASHED, HEADERS, IMMUTABLE_AGE,
  OFFLINE_NAME, WEB_CONFIG,
} from "../scripts/compress.mjs";
import { measure } from "../scripts/sizes.mjs";

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "dist");
const built = existsSync(join(DIST, "index.html"));
const files = built ? listFiles(DIST) : [];
const read = (f) => readFileSync(join(DIST, f));
const ext = (f) => f.slice(f.lastIndexOf(".")).toLowerCase();

// --- A small, strict XML reader (no dependency): well-formedness, and a tree to query. ---

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescapeXml(s, where) {
  return s.replace(/&([^;]*);|&/g, (all, name) => {
    if (name === undefined) throw new Error(`bare & in ${where}`);
    if (name in ENTITIES) return ENTITIES[name];
    const num = name.match(/^#(x[0-9a-fA-F]+|[0-9]+)$/);
    if (num) return String.fromCodePoint(num[1][0] === "x" ? parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`unknown entity &${name}; in ${where}`);
  });
}

/** Parses an XML document into {name, attrs, children}; throws on anything not well-formed. */
export function parseXml(text) {
  let i = 0;
  const NAME = /[A-Za-z_:][\w.:-]*/y;
  const fail = (msg) => { throw new Error(`${msg} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`); };
  const name = () => { NAME.lastIndex = i; const m = NAME.exec(text); if (!m) fail("expected a name"); i = NAME.lastIndex; return m[0]; };
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const misc = () => {
    for (;;) {
      ws();
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end < 0) fail("unclosed comment");
        if (text.slice(i + 4, end).includes("--")) fail("-- inside a comment");
        i = end + 3;
      } else if (text.startsWith("<?", i) && !text.startsWith("<?xml", i)) {
        const end = text.indexOf("?>", i); if (end < 0) fail("unclosed processing instruction"); i = end + 2;
      } else return;
    }
  };
  const element = () => {
    if (text[i] !== "<") fail("expected <");
    i++;
    const el = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const before = i;
      ws();
      if (text.startsWith("/>", i)) { i += 2; return el; }
      if (text[i] === ">") { i++; break; }
      if (i === before) fail("expected whitespace before an attribute");
      const a = name();
      ws(); if (text[i] !== "=") fail("expected ="); i++; ws();
      const q = text[i];
      if (q !== '"' && q !== "'") fail("attribute value not quoted");
      const end = text.indexOf(q, i + 1);
      if (end < 0) fail("unclosed attribute value");
      const raw = text.slice(i + 1, end);
      if (raw.includes("<")) fail("< in an attribute value");
      if (a in el.attrs) fail(`duplicate attribute ${a}`);
      el.attrs[a] = unescapeXml(raw, `${el.name}@${a}`);
      i = end + 1;
    }
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      unescapeXml(text.slice(i, lt), `text of <${el.name}>`);
      i = lt;
      if (text.startsWith("</", i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
        ws(); if (text[i] !== ">") fail("expected >"); i++;
        return el;
      }
      if (text.startsWith("<!--", i)) { misc(); continue; }
      if (text.startsWith("<![CDATA[", i)) { const end = text.indexOf("]]>", i); if (end < 0) fail("unclosed CDATA"); i = end + 3; continue; }
      el.children.push(element());
    }
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  if (text.startsWith("<?xml", i)) {
    const end = text.indexOf("?>", i);
    if (end < 0 || !/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?\s*$/.test(text.slice(i, end))) fail("bad XML declaration");
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i !== text.length) fail("content after the root element");
  return root;
}

const kids = (el, name) => el.children.filter((c) => c.name === name);
const path = (el, ...names) => names.reduce((els, n) => els.flatMap((e) => kids(e, n)), [el]);

test("the XML reader rejects what is not well-formed", () => {
  assert.deepEqual(parseXml('<?xml version="1.0"?><a x="1 &amp; 2"><b/><!-- c --></a>'),
    { name: "a", attrs: { x: "1 & 2" }, children: [{ name: "b", attrs: {}, children: [] }] });
  for (const bad of ["<a><b></a></b>", "<a x=1/>", '<a x="&"/>', "<a>&nbsp;</a>", "<a/><b/>", '<a x="1" x="2"/>',
    "<a><!-- x -- y --></a>", "<a>", 'text<a/>', '<a x="<"/>']) {
    assert.throws(() => parseXml(bad), undefined, bad);
  }
});

// --- The dist ---

test("the dist exists (make dist)", () => assert.ok(built, `${DIST}/index.html is missing: run make dist first`));

test("every text and wasm file has a .gz and a .br sibling, and no sibling is an orphan", { skip: !built }, () => {
  const present = new Set(files);
  const compressible = files.filter(isCompressible);
  for (const e of [".html", ".js", ".css", ".wasm"]) assert.ok(compressible.some((f) => ext(f) === e), `no ${e} file in dist`);
  assert.ok(compressible.includes(OFFLINE_NAME), `${OFFLINE_NAME} is not compressed`);
  for (const f of compressible) {
    assert.ok(present.has(`${f}.gz`), `${f}.gz is missing`);
    assert.ok(present.has(`${f}.br`), `${f}.br is missing`);
  }
  for (const f of files.filter(isSibling)) assert.ok(isCompressible(f.slice(0, -3)) && present.has(f.slice(0, -3)), `${f} has no original`);
  assert.ok(!present.has(`${WEB_CONFIG}.gz`) && !present.has(`${WEB_CONFIG}.br`), "web.config is never served, so never compressed");
});

test("every .gz and .br sibling decompresses to the exact bytes of its original", { skip: !built }, () => {
  for (const f of files.filter(isCompressible)) {
    const original = read(f);
    const gz = read(`${f}.gz`);
    assert.ok(gunzipSync(gz).equals(original), `${f}.gz does not decompress to ${f}`);
    assert.ok(brotliDecompressSync(read(`${f}.br`)).equals(original), `${f}.br does not decompress to ${f}`);
    assert.equal(gz.readUInt32LE(4), 0, `${f}.gz has an mtime in its header`);
    assert.equal(gz[3] & 0x08, 0, `${f}.gz has a file name in its header`);
    assert.equal(statSync(join(DIST, `${f}.gz`)).mtimeMs, statSync(join(DIST, f)).mtimeMs, `${f}.gz has another mtime`);
  }
});

test("the siblings are deterministic: compressing again gives the same bytes", { skip: !built }, () => {
  for (const f of files.filter(isCompressible)) {
    const original = read(f);
    assert.ok(gzip(original).equals(read(`${f}.gz`)), `${f}.gz differs from a fresh gzip -9`);
    assert.ok(brotli(original, COMPRESSIBLE[ext(f)]).equals(read(`${f}.br`)), `${f}.br differs from a fresh brotli q11`);
  }
});

test("the size budget ignores the siblings and web.config", { skip: !built }, () => {
  const names = measure(DIST).files.map((f) => f.name);
  assert.ok(names.includes("index.html") && names.includes(OFFLINE_NAME));
  assert.deepEqual(names.filter((n) => isSibling(n) || n === WEB_CONFIG), []);
});

test("dist/web.config is well-formed XML: wasm MIME type, compression, index.html's CSP and the other headers", { skip: !built }, () => {
  assert.ok(files.includes(WEB_CONFIG), "dist/web.config is missing");
  const root = parseXml(read(WEB_CONFIG).toString("utf8"));
  assert.equal(root.name, "configuration");
  const [server] = kids(root, "system.webServer");
  assert.ok(server, "no <system.webServer>");

  const mime = Object.fromEntries(path(server, "staticContent", "mimeMap").map((m) => [m.attrs.fileExtension, m.attrs.mimeType]));
  assert.equal(mime[".wasm"], "application/wasm");
  assert.equal(mime[".json"], "application/json");
  // A mimeMap for an extension the server already maps is a 500.19 error: each one is removed first.
  const removed = path(server, "staticContent", "remove").map((r) => r.attrs.fileExtension);
  for (const e of Object.keys(mime)) assert.ok(removed.includes(e), `${e} is mapped without a <remove> first`);
  assert.equal(path(server, "urlCompression")[0]?.attrs.doStaticCompression, "true");
  assert.equal(path(server, "staticContent", "clientCache")[0]?.attrs.cacheControlMode, "DisableCache", "pages must be no-cache");

  const headers = Object.fromEntries(path(server, "httpProtocol", "customHeaders", "add").map((h) => [h.attrs.name, h.attrs.value]));
  const csp = metaCsp(read("index.html").toString("utf8"));
  assert.ok(csp && csp.includes("default-src 'none'"), "dist/index.html has no CSP <meta>");
  // The header may add frame-ancestors (an intranet sets its own); otherwise it is the <meta> policy.
  const withoutFrameAncestors = headers["Content-Security-Policy"].split(/\s*;\s*/).filter((d) => !/^frame-ancestors\b/.test(d)).join("; ");
  assert.equal(withoutFrameAncestors, csp);
  for (const [k, v] of Object.entries(HEADERS)) assert.equal(headers[k], v, k);
  assert.equal(headers["X-Content-Type-Options"], "nosniff");
  assert.equal(headers["Referrer-Policy"], "no-referrer");
  assert.match(headers["Permissions-Policy"], /camera=\(\).*microphone=\(\).*geolocation=\(\)/);
});

test("dist/web.config: each other page gets its own CSP, hashed assets are cached for a year", { skip: !built }, () => {
  const root = parseXml(read(WEB_CONFIG).toString("utf8"));
  const locations = Object.fromEntries(kids(root, "location").map((l) => [l.attrs.path, l]));

  const offline = locations[OFFLINE_NAME];
  assert.ok(offline, `no <location> for ${OFFLINE_NAME}: it would get index.html's policy, which blocks it`);
  const custom = path(offline, "system.webServer", "httpProtocol", "customHeaders")[0];
  assert.ok(custom.children.some((c) => c.name === "remove" && c.attrs.name === "Content-Security-Policy"));
  const own = kids(custom, "add").find((a) => a.attrs.name === "Content-Security-Policy");
  assert.equal(own?.attrs.value, metaCsp(read(OFFLINE_NAME).toString("utf8")));

  const hashed = files.filter((f) => HASHED.test(f));
  for (const e of [".js", ".css", ".wasm"]) assert.ok(hashed.some((f) => ext(f) === e), `no hashed ${e} file: is filehash on in Trunk.toml?`);
  for (const f of hashed) {
    const cache = path(locations[f] ?? { children: [] }, "system.webServer", "staticContent", "clientCache")[0];
    assert.ok(cache, `no cache rule for ${f}`);
    assert.deepEqual(cache.attrs, { cacheControlMode: "UseMaxAge", cacheControlMaxAge: IMMUTABLE_AGE, cacheControlCustom: "immutable" }, f);
  }
  for (const f of files.filter((f) => f.endsWith(".html"))) assert.ok(!HASHED.test(f), `${f} looks hashed; pages must revalidate`);
});
