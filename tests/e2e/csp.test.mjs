// No network, app side: both outputs carry a strict Content-Security-Policy
// (default-src 'none'; only what the app needs: its own files when hosted,
// inline code by hash, 'wasm-unsafe-eval'), and the running page has it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, OFFLINE_FILE, TARGETS, withTarget } from "./harness.mjs";

const FILES = { hosted: join(DIST, "index.html"), offline: OFFLINE_FILE };

/** The CSP meta of an HTML file, as { directive: [sources] }. */
function policy(html) {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, "exactly one CSP meta");
  assert.ok(html.indexOf(metas[0][0]) < html.search(/<(script|style|link)\b/i), "the CSP comes before any script or style");
  return Object.fromEntries(
    metas[0][1].split(";").map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v]; }),
  );
}

const HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;

for (const target of TARGETS) {
  test(`${target}: the CSP is present and strict`, () => {
    const html = readFileSync(FILES[target], "utf8");
    const p = policy(html);
    assert.deepEqual(p["default-src"], ["'none'"]);
    assert.deepEqual(p["base-uri"], ["'none'"]);
    assert.deepEqual(p["form-action"], ["'none'"]);
    const self = target === "hosted" ? ["'self'"] : [];
    for (const [directive, sources] of Object.entries(p)) {
      for (const s of sources) {
        assert.ok(!/^'unsafe-(inline|eval|hashes)'$/.test(s), `${directive} allows ${s}`);
        assert.ok(!/^(\*|https?:|http:|https:|wss?:|ws:|filesystem:)/.test(s) && !/^[a-z0-9.-]+\.[a-z]{2,}/i.test(s), `${directive} allows a remote source ${s}`);
      }
    }
    // Scripts: own files (hosted), inline code by hash, and compiling the wasm.
    for (const s of p["script-src"]) assert.ok(self.includes(s) || HASH.test(s) || s === "'wasm-unsafe-eval'", `script-src ${s}`);
    assert.ok(p["script-src"].includes("'wasm-unsafe-eval'"));
    assert.ok(p["script-src"].some((s) => HASH.test(s)), "the inline script is allowed by its hash");
    for (const s of p["style-src"]) assert.ok(self.includes(s) || HASH.test(s), `style-src ${s}`);
    for (const s of p["img-src"] ?? []) assert.ok([...self, "data:", "blob:"].includes(s), `img-src ${s}`);
    assert.deepEqual(p["connect-src"] ?? [], self, "connect-src: nothing, or the wasm file from its own origin");
    for (const d of ["frame-src", "child-src", "object-src", "worker-src", "font-src", "media-src", "manifest-src"]) {
      assert.ok(!(d in p), `${d} is not widened beyond default-src 'none'`);
    }
    // Every inline script body has its hash in the policy (and nothing else does).
    // (Data blocks are never run, never hashed: the organisation settings,
    // type="application/json", and the prerendered pages, type="text/html".)
    const isCode = (attrs) => { const t = attrs.match(/\stype="([^"]*)"/)?.[1]; return t === undefined || /^(module|text\/javascript)$/i.test(t); };
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter((m) => !/\ssrc\s*=/.test(m[1]) && isCode(m[1]) && m[2].length);
    assert.ok(html.match(/<script type="text\/html"/g)?.length > 10, "the prerendered pages are data blocks");
    const hashes = inline.map((m) => `'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
    assert.deepEqual(p["script-src"].filter((s) => HASH.test(s)).sort(), [...new Set(hashes)].sort());
  });

  test(`${target}: the running page carries the same CSP`, () =>
    withTarget(target, async (page) => {
      const live = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
      const html = readFileSync(FILES[target], "utf8");
      assert.ok(live && html.includes(`content="${live}"`), "the page's CSP meta is the built one");
      assert.match(live, /^default-src 'none';/);
    }));
}
