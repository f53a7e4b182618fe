#!/usr/bin/env node
// Post-processes a Trunk release build (default: dist/).
//
// 0. The wasm-bindgen JS glue is minified in place (esbuild; Trunk 0.21 leaves
//    it as written) and its integrity hash in index.html is updated: about
//    41 KiB of readable JS becomes about half that.
// 1. dist/involve-offline.html: ONE self-contained file that runs the app from
//    file:// with the network off. The stylesheets become <style> elements, the
//    wasm-bindgen JS glue is bundled (esbuild, tree-shaken: the fetch path is
//    dropped) with the start-up code into one module script, the wasm travels as
//    base64 of its gzip (inflated by DecompressionStream) and is started with
//    wasm-bindgen's `initSync({ module: bytes })`
//    (a Trunk dist cannot run from file://: browsers refuse module and fetch
//    requests there).
//    The organisation settings block (<script type="application/json"
//    id="involve-settings">) is carried over as it is, and the <html> tag is
//    marked data-involve="offline".
// 2. Both dist/index.html and the offline file get a Content-Security-Policy
//    <meta> that allows only their own resources (inline ones by SHA-256 hash),
//    so an accidental network request or inline style/script is refused by the
//    browser and reported by the end-to-end tests.
//
// Usage: node scripts/offline.mjs [distDir]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { buildSync, transformSync } from "esbuild";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const OFFLINE_NAME = "involve-offline.html";
const CSP_MARK = 'http-equiv="Content-Security-Policy"';

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

/** Resolves a dist-relative URL such as "./x.css" to a file path inside dist. */
function distFile(dist, href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) {
    throw new Error(`dist/index.html refers to a non-relative URL: ${href} (set public_url = "./" in Trunk.toml)`);
  }
  const p = resolve(dist, decodeURIComponent(href.split(/[?#]/)[0]));
  if (!p.startsWith(resolve(dist))) throw new Error(`URL escapes dist: ${href}`);
  if (!existsSync(p)) throw new Error(`dist/index.html refers to a missing file: ${href}`);
  return p;
}

function removeCsp(html) {
  return html.replace(/\s*<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi, "");
}

function insertCsp(html, policy) {
  const meta = `<meta ${CSP_MARK} content="${policy}">`;
  const m = html.match(/<meta\s+charset[^>]*>/i);
  if (!m) throw new Error("index.html has no <meta charset>");
  return html.replace(m[0], `${m[0]}\n  ${meta}`);
}

/**
 * Whether a <script> tag's type makes it code the browser runs (no type, a
 * JavaScript MIME type or "module"). A data block such as the organisation
 * settings (`type="application/json"`) is never run, so the CSP does not
 * list it: an admin can edit it after the build without breaking the page.
 */
export function isExecutable(attrs) {
  const type = attr(`<script ${attrs}>`, "type");
  return type === undefined || type.trim() === "" || /^(module|(text|application)\/(x-)?(java|ecma)script)$/i.test(type.trim());
}

/** Hashes of every inline <script> (that runs) and <style> body in the page. */
function inlineHashes(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => isExecutable(m[1]) && !/\ssrc\s*=/.test(m[1]) && m[2].length > 0)
    .map((m) => sha256(m[2]));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  return { scripts, styles };
}

export function hostedPolicy(html) {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(" ")} 'wasm-unsafe-eval'`.replace(/\s+/g, " "),
    `style-src 'self'${styles.length ? " " + styles.join(" ") : ""}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function offlinePolicy(html) {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'none'",
    `script-src ${scripts.join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${styles.join(" ")}`,
    "img-src data: blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Builds the self-contained offline page from dist/index.html. */
export function bundle(dist) {
  let html = removeCsp(readFileSync(join(dist, "index.html"), "utf8"));

  // Stylesheets become <style> elements (keeping media="print" and the like).
  html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi, (tag) => {
    const css = readFileSync(distFile(dist, attr(tag, "href")), "utf8");
    if (/url\(\s*(?!["']?data:)/i.test(css)) throw new Error(`${attr(tag, "href")} has a url() that is not data:`);
    const media = attr(tag, "media");
    return `<style${media ? ` media="${media}"` : ""}>${css.replace(/<\/style/gi, "<\\/style")}</style>`;
  });

  // Preloads of the JS glue and wasm are not needed: both are inline.
  html = html.replace(/<link\b[^>]*\brel="(modulepreload|preload)"[^>]*>\s*/gi, "");

  // Trunk's loader script: `import init, * as bindings from './x.js'; ... init({ module_or_path: './x_bg.wasm' })`.
  const loaders = [...html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => /from\s+['"][^'"]+\.js['"]/.test(m[1]));
  if (loaders.length !== 1) throw new Error(`expected one Trunk loader script, found ${loaders.length}`);
  const loader = loaders[0][1];
  const jsHref = loader.match(/from\s+['"]([^'"]+\.js)['"]/)[1];
  const wasmHref = loader.match(/['"]([^'"]+_bg\.wasm)['"]/)?.[1];
  if (!wasmHref) throw new Error("the Trunk loader does not name a _bg.wasm file");
  const gluePath = distFile(dist, jsHref);
  if (/\bimport\s*[\w{*"']/.test(readFileSync(gluePath, "utf8").replace(/import\.meta/g, ""))) {
    throw new Error("the wasm-bindgen glue imports other modules (JS snippets); the offline bundler does not inline those yet");
  }
  // The wasm travels gzip-compressed (-9) and base64-encoded, and is
  // inflated in the page with the browser's own DecompressionStream (no
  // request, nothing for the CSP to allow): the file is about 40% of what
  // base64 of the raw wasm was.
  const wasm = readFileSync(distFile(dist, wasmHref));
  const packed = gzipSync(wasm, { level: 9 });
  const entry = `import { initSync } from ${JSON.stringify("./" + jsHref.replace(/^\.\//, ""))};
const wasmGzip = Uint8Array.from(atob("${packed.toString("base64")}"), (c) => c.charCodeAt(0));
const wasmBytes = new Uint8Array(await new Response(new Blob([wasmGzip]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
initSync({ module: wasmBytes });
`;
  // One module with no imports and no exports: the glue's fetch path is never used, so it is dropped.
  const built = buildSync({
    stdin: { contents: entry, resolveDir: resolve(dist), loader: "js" },
    bundle: true, format: "esm", minify: true, target: "es2022", write: false, legalComments: "none",
  });
  const boot = built.outputFiles[0].text;
  if (/^\s*(import|export)\b/m.test(boot.replace(/"[^"]*"/g, ""))) throw new Error("the offline boot script still imports or exports");
  const bootSafe = boot.replace(/<\/script/gi, "<\\/script");
  html = html.replace(loaders[0][0], () => `<script type="module">${bootSafe}</script>`);

  // The prerendered start page (scripts/prerender.mjs) is the hosted one: the
  // offline file does not offer to save itself (the app leaves it out too).
  html = html.replace(/<div id="offline-copy">[\s\S]*?<\/div>/g, "");
  // Nothing the page loads may point outside the file (fragment links and
  // data: URIs are fine). Links a person may follow (<a href>, such as the
  // accessibility statement's to AbilityNet) are not loads.
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
    const [tag, url] = [m[1].toLowerCase(), m[2]];
    if (tag === "a") continue;
    if (!(url.startsWith("#") || url.startsWith("data:"))) throw new Error(`offline page still refers to ${url} (<${tag}>)`);
  }
  // The start page offers "Save Involve for offline use" only on the hosted pages.
  if (!/<html\b[^>]*>/i.test(html)) throw new Error("index.html has no <html> tag");
  html = html.replace(/<html\b([^>]*)>/i, '<html$1 data-involve="offline">');
  return insertCsp(html, offlinePolicy(html));
}

const sri384 = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Minifies the JS glue in place and updates its integrity hash in index.html. Idempotent. */
export function minifyGlue(dist) {
  const index = join(dist, "index.html");
  let html = readFileSync(index, "utf8");
  const tag = html.match(/<link\b[^>]*\brel="modulepreload"[^>]*>/i);
  if (!tag) throw new Error("index.html has no modulepreload link for the JS glue");
  const href = attr(tag[0], "href");
  const file = distFile(dist, href);
  const before = readFileSync(file, "utf8");
  const after = transformSync(before, { minify: true, format: "esm", target: "es2022", legalComments: "none" }).code;
  writeFileSync(file, after);
  const fixed = tag[0].replace(/\bintegrity="[^"]*"/, `integrity="${sri384(after)}"`);
  if (fixed === tag[0] && !tag[0].includes(sri384(after))) throw new Error("the modulepreload link has no integrity attribute");
  writeFileSync(index, html.replace(tag[0], fixed));
  console.error(`offline: minified ${href}: ${before.length} -> ${after.length} bytes`);
}

function main() {
  const dist = resolve(process.argv[2] || "dist");
  const index = join(dist, "index.html");
  if (!existsSync(index)) {
    console.error(`offline: ${index} is missing; run trunk build --release first`);
    process.exit(1);
  }
  minifyGlue(dist);
  const offline = bundle(dist);
  writeFileSync(join(dist, OFFLINE_NAME), offline);

  // Stylesheets with Trunk's integrity hash are fetched in CORS mode, like the
  // module script and the wasm: without it, a page in an iframe sandboxed
  // without allow-same-origin (an opaque origin) has its stylesheets blocked.
  const hosted = removeCsp(readFileSync(index, "utf8")).replace(
    /<link\b(?![^>]*\bcrossorigin)([^>]*\brel="stylesheet"[^>]*\bintegrity=[^>]*?)\s*\/?>/gi,
    '<link$1 crossorigin="anonymous">',
  );
  writeFileSync(index, insertCsp(hosted, hostedPolicy(hosted)));
  console.error(`offline: wrote ${join(dist, OFFLINE_NAME)} (${offline.length} bytes) and added a CSP to ${index}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
