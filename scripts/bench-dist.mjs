#!/usr/bin/env node
// Makes the bench copy of a release dist: the same files, with one inline
// script in index.html that opens ROUTE (e.g. /b-step-1) when the address has
// no route, and the Content-Security-Policy recomputed for it (scripts/offline.mjs).
// Users get the same page by bookmarking index.html#/b-step-1.
// With a fourth argument, a saved document (e.g. tests/fixtures/complete.json),
// the same script first puts it in this browser's storage as autosave would
// have, when there is none: a returning user (issue 20), in a fresh profile.
// usage: node scripts/bench-dist.mjs dist target/bench/dist /b-step-1 [saved.json]
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hostedPolicy } from "./offline.mjs";

const [src = "dist", dst = "target/bench/dist", route = "/b-step-1", saved = ""] = process.argv.slice(2);
rmSync(dst, { recursive: true, force: true });
cpSync(src, dst, { recursive: true });
let html = readFileSync(join(dst, "index.html"), "utf8").replace(/\s*<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi, "");
const m = html.match(/<meta\s+charset[^>]*>/i);
const seed = saved
  ? `try{if(!localStorage.getItem("involve.answers"))localStorage.setItem("involve.answers",${JSON.stringify(readFileSync(saved, "utf8")).replace(/</g, "\\u003c")})}catch(e){}`
  : "";
const script = `<script>${seed}if(!location.hash)location.replace("#${route}")</script>`;
html = html.replace(m[0], `${m[0]}\n  ${script}`);
html = html.replace(m[0], `${m[0]}\n  <meta http-equiv="Content-Security-Policy" content="${hostedPolicy(html)}">`);
writeFileSync(join(dst, "index.html"), html);
console.error(`bench-dist: ${dst} opens #${route}${saved ? ` with ${saved} saved in this browser` : ""}`);
