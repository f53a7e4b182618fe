#!/usr/bin/env node
// Sizes of a release dist: every file raw, gzip -9 and brotli (q11), the
// total a browser downloads for the hosted app on one cold load (every file
// but the offline one), and the offline file. `measure()` is also used by
// tests/size_budget.test.mjs and scripts/bench-report.mjs. The pre-compressed
// .gz/.br siblings, web.config (scripts/compress.mjs) and the example host
// page host-example.html are not counted: a
// browser downloads one encoding of each file, and never web.config.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const OFFLINE_NAME = "involve-offline.html";
export const KiB = 1024;

/** Files in dist that are not part of what a browser downloads (host-example.html is an example for intranet teams). */
export const notDownloaded = (name) => /\.(gz|br)$/.test(name) || name === "web.config" || name === "host-example.html";

const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

/** {files: [{name, raw, gzip, brotli}], hosted: {raw, gzip, brotli, files}, offline: {raw, gzip, brotli}} */
export function measure(distDir = "dist") {
  const dist = resolve(distDir);
  const files = [];
  for (const name of readdirSync(dist).sort()) {
    const p = join(dist, name);
    if (!statSync(p).isFile() || notDownloaded(name)) continue;
    const bytes = readFileSync(p);
    files.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) });
  }
  const hostedFiles = files.filter((f) => f.name !== OFFLINE_NAME);
  const sum = (k) => hostedFiles.reduce((a, f) => a + f[k], 0);
  const offline = files.find((f) => f.name === OFFLINE_NAME) || null;
  return { files, hosted: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli"), files: hostedFiles.length }, offline };
}

const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;

function main() {
  const m = measure(process.argv[2] || "dist");
  const w = Math.max(...m.files.map((f) => f.name.length), 12);
  for (const f of m.files) console.log(`${f.name.padEnd(w)}  ${kib(f.raw).padStart(10)}  gzip ${kib(f.gzip).padStart(10)}  brotli ${kib(f.brotli).padStart(10)}`);
  console.log(`${"hosted total".padEnd(w)}  ${kib(m.hosted.raw).padStart(10)}  gzip ${kib(m.hosted.gzip).padStart(10)}  brotli ${kib(m.hosted.brotli).padStart(10)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
