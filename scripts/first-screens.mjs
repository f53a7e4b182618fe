#!/usr/bin/env node
// The two first screens issue 20 times from navigation start, on one or two
// dists, interleaved in one run. Each run is a fresh Chromium profile, Fast
// 3G + 4x CPU, gzip -9 serving; medians are printed with every run. Timings
// are compared within one run, never asserted.
//
// --returning (default): tests/fixtures/complete.json saved in this browser;
//   until the "Location" box on #/b-step-1 is visible and holds the saved
//   answer (before the wasm, the prerendered page filled in; otherwise the
//   app's).
// --start: the same saved document; the start page's address, until its
//   "Continue" button is visible.
// --first-click: a new user on #/b-step-1 clicks the first visible "Save and
//   continue" as soon as there is one; until the error summary is visible.
//
// usage: node scripts/first-screens.mjs [--returning|--start|--first-click] [--runs N] [--out FILE] DIST_A [DIST_B]
//   --out writes { mode, runs, dists: { DIST: { median, all } } } as JSON.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

let mode = "returning", runs = 5, outFile = null;
const dists = [];
for (const args = process.argv.slice(2); args.length; ) {
  const a = args.shift();
  if (["--returning", "--start", "--first-click"].includes(a)) mode = a.slice(2);
  else if (a === "--runs") runs = Number(args.shift());
  else if (a === "--out") outFile = args.shift();
  else dists.push(a);
}
const firstClick = mode === "first-click", atStart = mode === "start";
if (!dists.length || dists.length > 2) throw new Error("usage: node scripts/first-screens.mjs [--returning|--start|--first-click] [--runs N] [--out FILE] DIST_A [DIST_B]");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
function serve(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const p = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const f = p.endsWith("/") ? join(p, "index.html") : p;
    if (!f.startsWith(root) || !existsSync(f) || !statSync(f).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": TYPES[extname(f)] || "application/octet-stream", "content-encoding": "gzip", "cache-control": "no-store" });
    res.end(gzipSync(readFileSync(f), { level: 9 }));
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}
const saved = readFileSync(resolve("tests/fixtures/complete.json"), "utf8");
const location = JSON.parse(saved).answers.b.location;

async function once(base) {
  const udd = mkdtempSync(join(tmpdir(), "involve-first-"));
  const ctx = await chromium.launchPersistentContext(udd, { executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"], viewport: { width: 1280, height: 900 } });
  try {
    if (!firstClick) await ctx.addInitScript((text) => { if (!localStorage.getItem("involve.answers")) localStorage.setItem("involve.answers", text); }, saved);
    const page = ctx.pages()[0] || (await ctx.newPage());
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await page.goto(atStart ? base : `${base}#/b-step-1`, { waitUntil: "commit" });
    const opts = { polling: 10, timeout: 60_000 };
    if (atStart) {
      const h = await page.waitForFunction(() => {
        const b = document.getElementById("start-now");
        return b && b.checkVisibility() && b.textContent.trim() === "Continue" ? performance.now() : null;
      }, null, opts);
      return await h.jsonValue();
    }
    if (firstClick) {
      await page.waitForFunction(() => {
        const b = [...document.querySelectorAll("main button[type=submit]")].find((e) => e.checkVisibility());
        if (b) b.click();
        return !!b;
      }, null, opts);
      const h = await page.waitForFunction(() => {
        const e = document.getElementById("error-summary");
        return e && e.checkVisibility() ? performance.now() : null;
      }, null, opts);
      return await h.jsonValue();
    }
    const h = await page.waitForFunction((want) => {
      const el = [...document.querySelectorAll('[id="b.location"]')].find((e) => e.checkVisibility() && e.value === want);
      return el ? performance.now() : null;
    }, location, opts);
    return await h.jsonValue();
  } finally {
    await ctx.close().catch(() => {});
    rmSync(udd, { recursive: true, force: true });
  }
}

const servers = await Promise.all(dists.map(serve));
const times = dists.map(() => []);
try {
  for (let i = 0; i < runs; i++) {
    for (const k of dists.keys()) {
      const t = await once(`http://127.0.0.1:${servers[k].address().port}/`);
      times[k].push(t);
      console.error(`run ${i + 1}: ${dists[k]}: ${t.toFixed(0)} ms`);
    }
  }
} finally {
  for (const s of servers) s.close();
}
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const k of dists.keys()) console.log(`${dists[k]}: median ${median(times[k]).toFixed(0)} ms (${times[k].map((t) => t.toFixed(0)).join(", ")})`);
if (dists.length === 2) console.log(`B / A: ${(median(times[1]) / median(times[0])).toFixed(3)}`);
if (outFile) {
  const out = { mode, runs, dists: {} };
  for (const k of dists.keys()) out.dists[dists[k]] = { median: median(times[k]), all: times[k] };
  writeFileSync(outFile, JSON.stringify(out, null, 2) + "\n");
}
