#!/usr/bin/env node
// Builds www/generated/involve.css, the app's one stylesheet: the NHS.UK styles
// from the nhsuk-frontend npm package, then www/base.css, www/app.css and
// www/print.css (all inside @media print) as they are. One file is one request
// on a cold load instead of four (issue 5: the first page waits for every
// render-blocking stylesheet).
//
// The package's compiled CSS is used as published, with three changes that keep
// the app free of network requests:
//   1. every @font-face rule is removed (they load Frutiger from assets.nhs.uk),
//      and "Frutiger W01" is dropped from font stacks, leaving the NHS fallback
//      stack (Arial, then the platform sans-serif);
//   2. every url() to a package image (/assets/images/*.svg) becomes an inline
//      data: URI of that SVG;
//   3. the result is checked: any url() that is not data:, and any @import,
//      fails the build.
// Then rules whose nhsuk-* class selectors the app never uses are dropped
// (about 30 KiB gzip down to under 10); see purge() below. PURGE=0 keeps the
// whole stylesheet, for example to try out a component before using it.
//
// The output is git-ignored and only rewritten when its content changes, so
// `trunk serve` does not loop on its own pre_build hook.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { transformSync } from "esbuild";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = join(root, "node_modules", "nhsuk-frontend");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const srcCss = join(pkgDir, "dist", "nhsuk", "nhsuk-frontend.min.css");
const imagesDir = join(pkgDir, "dist", "nhsuk", "assets", "images");
const outFile = join(root, "www", "generated", "involve.css");
// The app's own stylesheets, appended in this order after the NHS.UK styles.
const OWN = ["base.css", "app.css", "print.css"];

const FONT_STACK = 'arial,"Helvetica Neue",helvetica,sans-serif';

export function localise(css) {
  // 1. Fonts.
  css = css.replace(/@font-face\{[^}]*\}/g, "");
  css = css.replace(/font-family:\s*"?Frutiger W01"?\s*,\s*arial\s*,\s*sans-serif/gi, `font-family:${FONT_STACK}`);
  if (/Frutiger/i.test(css)) throw new Error("a Frutiger reference survived the font step");

  // 2. Package images become data: URIs.
  css = css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _q, href) => {
    if (href.startsWith("data:")) return whole;
    const m = href.match(/^\/?assets\/images\/([a-z0-9-]+\.svg)$/);
    if (!m) throw new Error(`url() to something other than a package SVG: ${href}`);
    const svg = readFileSync(join(imagesDir, m[1]), "utf8").replace(/\s+/g, " ").trim();
    return `url("data:image/svg+xml,${encodeSvg(svg)}")`;
  });

  // 3. Nothing left that could reach the network.
  for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/g)) {
    if (!m[1].startsWith("data:")) throw new Error(`non-data url() left in CSS: ${m[1]}`);
  }
  if (/@import/i.test(css)) throw new Error("@import left in CSS");
  return css;
}

function encodeSvg(svg) {
  // The minimal escaping that is safe inside a double-quoted url().
  return svg
    .replace(/"/g, "'")
    .replace(/%/g, "%25")
    .replace(/#/g, "%23")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/\n/g, "%0A");
}

// ---------------------------------------------------------------------------
// Purge: keep a rule unless each of its selectors needs an nhsuk-* class that
// no source file mentions. Class names are found by scanning src/web, index.html
// and www/*.css for literal tokens `nhsuk-...`, so write class names out in
// full in the Rust code (not format!("nhsuk-tag--{colour}")); PURGE_SAFELIST
// (space separated) adds class names that can only be built at run time.

function usedClasses() {
  const used = new Set();
  const files = [join(root, "index.html")];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { if (name !== "generated") walk(p); }
      else if (/\.(rs|html|css)$/.test(name)) files.push(p);
    }
  };
  walk(join(root, "src", "web"));
  walk(join(root, "www"));
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, "utf8").matchAll(/nhsuk-[a-z0-9_-]+/g)) used.add(m[0]);
  }
  for (const c of (process.env.PURGE_SAFELIST || "").split(/\s+/)) if (c) used.add(c);
  return used;
}

// Splits a CSS block body into top-level items: {prelude, body} or {raw} for
// statements such as @charset.
function items(css) {
  const out = [];
  let i = 0;
  while (i < css.length) {
    let j = i, depth = 0, quote = null;
    // Find the end of the prelude: the first "{" or ";" at depth 0.
    while (j < css.length) {
      const c = css[j];
      if (quote) { if (c === "\\") j++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === "(") depth++;
      else if (c === ")") depth--;
      else if (depth === 0 && (c === "{" || c === ";")) break;
      j++;
    }
    if (j >= css.length) { if (css.slice(i).trim()) out.push({ raw: css.slice(i) }); break; }
    if (css[j] === ";") { out.push({ raw: css.slice(i, j + 1) }); i = j + 1; continue; }
    const prelude = css.slice(i, j);
    let k = j + 1; depth = 1; quote = null;
    while (k < css.length && depth > 0) {
      const c = css[k];
      if (quote) { if (c === "\\") k++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
      k++;
    }
    out.push({ prelude, body: css.slice(j + 1, k - 1) });
    i = k;
  }
  return out;
}

function splitSelectors(prelude) {
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) { parts.push(prelude.slice(start, i)); start = i + 1; }
  }
  parts.push(prelude.slice(start));
  return parts;
}

export function purge(css, used) {
  const walk = (block) => items(block).map((it) => {
    if (it.raw !== undefined) return it.raw;
    const p = it.prelude.trim();
    if (/^@(media|supports|layer|container)/i.test(p)) {
      const inner = walk(it.body);
      return inner.trim() ? `${p}{${inner}}` : "";
    }
    if (p.startsWith("@")) return `${p}{${it.body}}`;
    const kept = splitSelectors(p).filter((sel) => {
      // Classes inside :not(...) do not have to be present, so ignore them.
      const positive = sel.replace(/:not\([^)]*\)/g, "");
      return [...positive.matchAll(/\.(nhsuk-[a-z0-9_-]+)/g)].every((m) => used.has(m[1]));
    });
    return kept.length ? `${kept.join(",")}{${it.body}}` : "";
  }).join("");
  return walk(css);
}

function main() {
  if (!existsSync(srcCss)) {
    console.error(`build-css: ${srcCss} is missing; run scripts/setup.sh (npm ci) first`);
    process.exit(1);
  }
  let css = localise(readFileSync(srcCss, "utf8"));
  const doPurge = process.env.PURGE !== "0" && !process.argv.includes("--no-purge");
  if (doPurge) css = purge(css, usedClasses());
  const banner = `/* Generated by scripts/build-css.mjs from nhsuk-frontend ${pkg.version} (MIT licence, NHS England)` +
    `${doPurge ? ", purged to the classes the app uses" : ""}; do not edit. */\n`;
  const charset = css.match(/^@charset "[^"]*";/);
  let out = charset ? charset[0] + "\n" + banner + css.slice(charset[0].length) + "\n" : banner + css + "\n";
  let own = "";
  for (const name of OWN) own += readFileSync(join(root, "www", name), "utf8") + "\n";
  // The NHS.UK part is published minified; the app's own files are minified here.
  out += transformSync(own, { loader: "css", minify: true, legalComments: "none" }).code;
  mkdirSync(dirname(outFile), { recursive: true });
  if (!existsSync(outFile) || readFileSync(outFile, "utf8") !== out) {
    writeFileSync(outFile, out);
    console.error(`build-css: wrote ${outFile} (${out.length} bytes)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
