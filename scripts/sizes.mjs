#!/usr/bin/env node
// Prints the raw and gzip -9 size of every file in dist/, and the total that a
// browser downloads for the hosted app (everything but the offline file).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const dist = resolve(process.argv[2] || "dist");
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
let raw = 0, gz = 0;
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const p = join(dist, name);
  if (!statSync(p).isFile()) continue;
  const bytes = readFileSync(p);
  const z = gzipSync(bytes, { level: 9 }).length;
  rows.push([name, bytes.length, z]);
  if (name !== "involve-offline.html") { raw += bytes.length; gz += z; }
}
const w = Math.max(...rows.map((r) => r[0].length));
for (const [name, r, z] of rows) console.log(`${name.padEnd(w)}  ${kib(r).padStart(10)}  gzip ${kib(z).padStart(10)}`);
console.log(`${"hosted total".padEnd(w)}  ${kib(raw).padStart(10)}  gzip ${kib(gz).padStart(10)}`);
