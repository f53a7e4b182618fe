#!/usr/bin/env node
// A returning user's first screen on two release dists, interleaved in one
// run: does a change to the wasm (for example the document export code,
// issue 18) make the wait measurably longer? Each run is a fresh Chromium
// profile with tests/fixtures/complete.json saved in storage, Fast 3G +
// 4x CPU, gzip -9 serving; the time is from navigation start to the app's
// "Location" box showing the saved answer. Medians are printed, with every
// run. Timings are compared within one run, never asserted.
// usage: node scripts/returning-ab.mjs DIST_A DIST_B [RUNS]
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const [a, b, runs = "5"] = process.argv.slice(2);
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
  const udd = mkdtempSync(join(tmpdir(), "involve-ab-"));
  const ctx = await chromium.launchPersistentContext(udd, { executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"], viewport: { width: 1280, height: 900 } });
  try {
    await ctx.addInitScript((text) => { if (!localStorage.getItem("involve.answers")) localStorage.setItem("involve.answers", text); }, saved);
    const page = ctx.pages()[0] || (await ctx.newPage());
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await page.goto(`${base}#/b-step-1`, { waitUntil: "commit" });
    const h = await page.waitForFunction((want) => {
      const el = [...document.querySelectorAll('[id="b.location"]')].find((e) => e.checkVisibility() && e.value === want);
      return el ? performance.now() : null;
    }, location, { polling: 10, timeout: 60_000 });
    return await h.jsonValue();
  } finally {
    await ctx.close().catch(() => {});
    rmSync(udd, { recursive: true, force: true });
  }
}

const servers = [await serve(a), await serve(b)];
const times = [[], []];
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const k of [0, 1]) {
      const t = await once(`http://127.0.0.1:${servers[k].address().port}/`);
      times[k].push(t);
      console.error(`run ${i + 1}: ${[a, b][k]}: ${t.toFixed(0)} ms`);
    }
  }
} finally {
  for (const s of servers) s.close();
}
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const k of [0, 1]) console.log(`${[a, b][k]}: median ${median(times[k]).toFixed(0)} ms (${times[k].map((t) => t.toFixed(0)).join(", ")})`);
console.log(`B / A: ${(median(times[1]) / median(times[0])).toFixed(3)}`);
