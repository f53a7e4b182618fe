#!/usr/bin/env node
// In-browser timings the peer harness does not take, on a release dist served
// over HTTP (gzip, like a real host), in Debian's Chromium with a fresh
// profile and the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate):
//
//  1. keystroke to paint: 200 characters typed one key at a time into the
//     Appendix B Step 1 "description" textarea. For each keydown the page
//     records event.timeStamp, then requestAnimationFrame + setTimeout(0)
//     marks the first moment after the frame that shows the character was
//     painted (the app re-renders on every input event). Keys are 60 ms apart
//     (a fast typist), so each is measured on its own. Median, 95th
//     percentile and worst. The same typing into a plain <textarea> of the
//     peers' hand-written HTML + JS form gives the floor (no framework).
//  2. validation on Continue: on every question page with no answers, click
//     "Save and continue" and time click -> error summary in the DOM and
//     laid out (forced layout), and click -> next paint. Also the check
//     answers page (whole-document validation and rules, rendered) opened
//     from the task list link. Median of RUNS page loads.
//  3. the same with a filled Appendix B (tests/fixtures/complete.json, put in
//     this browser's storage before the app starts, as autosave would have):
//     Save and continue on each Appendix B page -> the page it goes to (the
//     task list, which works out every section's status), and on three of
//     the screening's question pages -> the next question page or its check
//     page, with its heading in the DOM and laid out, and -> next paint,
//     each beside its hand-written floor; and the check answers page,
//     whose rendering validates the whole document and runs the rules.
//
//  4. review completed forms (issue 11): 1,000 generated documents
//     (tests/e2e/review-files.mjs) chosen as a folder on #/review, at normal
//     CPU speed and at 4x: from the input's change event to the summary in
//     the DOM (files per second), and the longest task while checking
//     (PerformanceObserver "longtask", every task over 50 ms, from the
//     change event on; the browser's own task building the folder's
//     FileList, before the event, is given apart). Median of
//     RUNS sessions (at most 3) per speed.
//
//  5. documents (issue 18): on check answers with a complete fixture in
//     storage (2017 and 2022), at 4x CPU, "Download as a document" (.odt and
//     .docx): from the click to the Blob URL being made (the document built,
//     zipped and handed to the browser). Median of RUNS page loads.
//  6. the annual report (issue 18): 2,000 generated documents chosen as a
//     folder on #/review at normal CPU speed, then the period typed and
//     "Download the annual report (.odt)" clicked: the folder's check (change
//     event -> summary) and the report (click -> Blob URL), apart and summed.
//
// usage: node scripts/bench-ui.mjs [distDir] [--runs N] [--out file.json] [--vanilla dir] [--only review]
// stdout: JSON with every value; stderr: progress.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { writeReviewFiles } from "../tests/e2e/review-files.mjs";

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const DIST = resolve(args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) || "dist");
const RUNS = parseInt(opt("runs", process.env.RUNS || "5"), 10);
const OUT = opt("out", "");
// --only filled: just the filled Save and continue pages and the check-answers page (quick before/after).
const ONLY = opt("only", "");
// The peers' built hand-written HTML + JS form, for the keystroke floor (optional).
const VANILLA = resolve(opt("vanilla", "target/bench-peers/dist/vanilla"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const CPU = 4;
const KEYS = 200;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
function serve(dir) {
  const server = createServer((req, res) => {
    const p = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    let f = p.endsWith("/") ? join(p, "index.html") : p;
    if (!f.startsWith(dir) || !existsSync(f) || !statSync(f).isFile()) { res.writeHead(404); res.end(); return; }
    const body = gzipSync(readFileSync(f), { level: 9 });
    res.writeHead(200, { "content-type": TYPES[extname(f)] || "application/octet-stream", "content-encoding": "gzip", "cache-control": "no-store" });
    res.end(body);
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

const FILLED = readFileSync(resolve("tests/fixtures/complete.json"), "utf8");

/**
 * `seed`: a saved document put in localStorage before the app starts.
 * `html`: the page to answer `url` with instead of the server (the hand-written floor).
 */
async function session(url, fn, seed = null, ready = "body > .nhsuk-width-container main h1", html = null) {
  const udd = mkdtempSync(join(tmpdir(), "involve-bench-"));
  const ctx = await chromium.launchPersistentContext(udd, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  try {
    if (html) await ctx.route(url.split("#")[0], (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    if (seed) await ctx.addInitScript((text) => { if (!localStorage.getItem("involve.answers")) localStorage.setItem("involve.answers", text); }, seed);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
    await page.goto(url, { waitUntil: "load" });
    // The app's own heading (not the prerendered page's, inside #app-pre).
    await page.waitForSelector(ready);
    const r = await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    return r;
  } finally {
    await ctx.close().catch(() => {});
    rmSync(udd, { recursive: true, force: true });
  }
}

const stats = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: null, p95: null, worst: null, best: null };
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, p95: q(0.95), worst: s[s.length - 1], best: s[0] };
};

async function keystrokes(url, sel, ready) {
  return session(url, async (page) => {
    await page.waitForSelector(sel);
    await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      window.__keys = [];
      el.addEventListener("keydown", (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t0), 0));
      });
    }, sel);
    await page.focus(sel);
    const text = "Moving the podiatry clinic from the health centre to the community hospital; ".repeat(4).slice(0, KEYS);
    for (const ch of text) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(300);
    const got = await page.evaluate(() => window.__keys);
    const value = await page.inputValue(sel);
    if (value !== text) throw new Error(`textarea holds ${value.length} characters, expected ${text.length}`);
    return got;
  }, null, ready);
}

// Every question page, empty: click Save and continue -> error summary.
const PAGES = ["screening", "b-step-1", "b-step-2", "b-step-3", "b-step-4", "b-step-5", "b-sign-off"];
// (plan-c is left out: with no answers Appendix C is not expected, so Continue has nothing to report.)

async function continueTimings(base, slug) {
  return session(`${base}#/${slug}`, async (page) => {
    await page.waitForSelector("form.app-question-form button[type=submit]");
    return page.evaluate(() => new Promise((resolve) => {
      const btn = document.querySelector("form.app-question-form button[type=submit]");
      let laid = null;
      const mo = new MutationObserver(() => {
        if (laid === null && document.getElementById("error-summary")) {
          document.getElementById("error-summary").getBoundingClientRect();
          laid = performance.now() - t0;
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
      const t0 = performance.now();
      btn.click();
      requestAnimationFrame(() => setTimeout(() => {
        mo.disconnect();
        const errors = document.querySelectorAll(".nhsuk-error-message").length;
        resolve({ domMs: laid, paintMs: performance.now() - t0, errors });
      }, 0));
    }));
  });
}

// Every Appendix B page, filled: Save and continue -> the heading of the page it goes to
// (the task list); and three of the screening's question pages (issue 21),
// written "from>to": Save and continue -> the next question page, or the
// screening's check page after the last.
const FILLED_PAGES = (process.env.FILLED_PAGES || "b-step-1,b-step-2,b-step-3,b-step-4,b-step-5,b-sign-off,screening/organisation>screening/relates,screening/impact>screening/patients,screening/equality>screening/check").split(",");
const fromTo = (entry) => { const [from, to = "tasks"] = entry.split(">"); return { from, to }; };

async function filledContinueTimings(base, slug, floor = null) {
  const url = floor ? `${base}__floor-${slug.replace(/\//g, "-")}.html` : `${base}#/${slug}`;
  return session(url, async (page) => {
    await page.waitForSelector("form.app-question-form button[type=submit]");
    return page.evaluate(() => new Promise((resolve) => {
      const btn = document.querySelector("form.app-question-form button[type=submit]");
      const before = document.querySelector("main h1");
      const beforeText = before?.textContent;
      let laid = null;
      const mo = new MutationObserver(() => {
        const h1 = document.querySelector("main h1");
        // A new heading, or the same element given the next page's words (Yew keeps it between two question pages).
        if (laid === null && h1 && (h1 !== before || h1.textContent !== beforeText)) { h1.getBoundingClientRect(); laid = performance.now() - t0; }
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      btn.click();
      requestAnimationFrame(() => setTimeout(() => {
        mo.disconnect();
        resolve({ domMs: laid, paintMs: performance.now() - t0, errors: document.querySelectorAll(".nhsuk-error-message").length, h1: document.querySelector("main h1")?.textContent });
      }, 0));
    }));
  }, floor ? null : FILLED, undefined, floor);
}

/**
 * The hand-written floor for one change of page: the app's own DOM on `from`
 * (header, main, footer and the hidden print view) and the <main> and title
 * of `to`, both taken from the app with the filled document, in a static page
 * with the same stylesheet, where plain JS makes the change on the same event
 * (a click on Save and continue, or the address changing): <main>'s content
 * replaced by a clone of the next page's, parsed beforehand (a <template>),
 * the title, scroll to the top, focus on the heading. No framework, no
 * validation, no state, not even parsing: what any implementation pays for
 * the browser's part (building the nodes, style, layout, paint) of the same change.
 */
async function floorPage(base, from, to) {
  const snap = await session(`${base}#/${from}`, async (page) => {
    await page.waitForTimeout(300);
    const a = await page.evaluate(() => ({
      css: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href),
      style: [...document.querySelectorAll("head style")].map((s) => s.textContent).join("\n"),
      body: document.body.innerHTML,
      title: document.title,
    }));
    await page.evaluate((to) => { location.hash = `#/${to}`; }, to);
    await page.waitForFunction((n) => document.querySelector("main h1") && document.title !== n, a.title);
    await page.waitForTimeout(300);
    const b = await page.evaluate(() => ({ main: document.querySelector("main").innerHTML, title: document.title }));
    return { ...a, main: b.main, title: b.title };
  }, FILLED);
  const swap = `const TITLE = ${JSON.stringify(snap.title)};
function go(e) {
  if (e.type === "click") { if (!e.target.closest("button[type=submit]")) return; e.preventDefault(); }
  const m = document.querySelector("main");
  m.replaceChildren(document.importNode(document.getElementById("floor-next").content, true));
  document.title = TITLE;
  scrollTo(0, 0);
  m.querySelector("h1").focus();
}
document.addEventListener("click", go, true);
addEventListener("hashchange", go);`;
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title>${snap.css.map((h) => `<link rel="stylesheet" href="${h}">`).join("")}${snap.style ? `<style>${snap.style}</style>` : ""}</head><body>${snap.body.replace(/<script\b[\s\S]*?<\/script>/gi, "")}<template id="floor-next">${snap.main}</template><script>${swap}</script></body></html>`;
}

async function checkPageTiming(base, seed = null, floor = null) {
  const url = floor ? `${base}__floor-check.html#/tasks` : `${base}#/tasks`;
  return session(url, async (page) => {
    await page.waitForSelector("#task-progress");
    return page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      location.hash = "#/check";
      requestAnimationFrame(() => setTimeout(() => resolve({ paintMs: performance.now() - t0, h1: document.querySelector("main h1").textContent }), 0));
    }));
  }, seed, undefined, floor);
}

const REVIEW_FILES = 1000;

/** `fn(page, ctx)` on #/review in a fresh Chromium profile, closed afterwards. */
async function onReviewPage(base, fn) {
  const udd = mkdtempSync(join(tmpdir(), "involve-bench-"));
  const ctx = await chromium.launchPersistentContext(udd, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    return await fn(page, ctx);
  } finally {
    await ctx.close().catch(() => {});
    rmSync(udd, { recursive: true, force: true });
  }
}

/** One review run of `dir` (a folder of REVIEW_FILES documents) at CPU slowdown `rate`. */
async function reviewTiming(base, dir, rate) {
  return onReviewPage(base, async (page, ctx) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}#/review`, { waitUntil: "load" });
    await page.waitForSelector("#review-folder");
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.evaluate(() => {
      window.__review = { longest: 0, tasks: 0, t0: null, t1: null, input: 0 };
      const r = window.__review;
      // Tasks from the change event on are the app's; the task that ends
      // as the change event fires is the browser building the folder's
      // FileList (reported apart, as inputTaskMs).
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          if (r.t0 !== null && e.startTime >= r.t0 - 1) { r.tasks++; r.longest = Math.max(r.longest, e.duration); }
          else r.input = Math.max(r.input, e.duration);
        }
      }).observe({ type: "longtask" });
      document.getElementById("review-folder").addEventListener("change", () => { r.t0 = performance.now(); }, { capture: true });
      new MutationObserver(() => {
        if (r.t0 !== null && r.t1 === null && document.getElementById("review-results")) r.t1 = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles("#review-folder", dir);
    await page.waitForSelector("#review-results", { timeout: 300_000 });
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => window.__review);
    const checked = Number((await page.textContent('[id="sum-forms-files"]')).replace(/,/g, ""));
    if (checked !== REVIEW_FILES) throw new Error(`review checked ${checked} files, expected ${REVIEW_FILES}`);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const ms = r.t1 - r.t0;
    return { ms, filesPerSecond: (REVIEW_FILES * 1000) / ms, longestTaskMs: r.longest, longTasks: r.tasks, inputTaskMs: r.input };
  });
}

async function reviewBench(base) {
  const work = mkdtempSync(join(tmpdir(), "involve-bench-review-"));
  const dir = join(work, "forms");
  try {
    writeReviewFiles(dir, REVIEW_FILES);
    const out = { files: REVIEW_FILES };
    for (const rate of [1, CPU]) {
      const runs = [];
      for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) {
        const r = await reviewTiming(base, dir, rate);
        console.error(`review ${REVIEW_FILES} files at ${rate}x CPU: ${r.ms.toFixed(0)} ms, ${r.filesPerSecond.toFixed(0)} files/s, longest task ${r.longestTaskMs.toFixed(0)} ms (${r.longTasks} over 50 ms); the browser's folder input task ${r.inputTaskMs.toFixed(0)} ms`);
        runs.push(r);
      }
      out[rate === 1 ? "normal" : `cpu${rate}x`] = {
        ms: stats(runs.map((r) => r.ms)),
        filesPerSecond: stats(runs.map((r) => r.filesPerSecond)),
        longestTaskMs: stats(runs.map((r) => r.longestTaskMs)),
        inputTaskMs: stats(runs.map((r) => r.inputTaskMs)),
      };
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Click `selector` and time it to the Blob URL a download makes (ms), in the page. */
async function clickToBlob(page, selector) {
  return page.evaluate((sel) => new Promise((resolve) => {
    const make = URL.createObjectURL;
    let t0 = 0;
    URL.createObjectURL = (blob) => { const ms = performance.now() - t0; URL.createObjectURL = make; resolve({ ms, bytes: blob.size }); return make(blob); };
    t0 = performance.now();
    document.querySelector(sel).click();
  }), selector);
}

const DOCUMENT_FIXTURES = ["complete.json", "icb-2022.json"];

async function documentBench(base) {
  const out = {};
  for (const name of DOCUMENT_FIXTURES) {
    const seed = readFileSync(resolve("tests/fixtures", name), "utf8");
    for (const ext of ["odt", "docx"]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await session(`${base}#/check`, async (page) => {
          await page.waitForSelector(`#document-${ext}`);
          return clickToBlob(page, `#document-${ext}`);
        }, seed));
      }
      out[`${name}.${ext}`] = { ms: stats(runs.map((r) => r.ms)), bytes: runs[0].bytes };
      console.error(`document ${name} -> .${ext} at ${CPU}x CPU: ${out[`${name}.${ext}`].ms.median.toFixed(1)} ms (${runs[0].bytes} bytes)`);
    }
  }
  return out;
}

const REPORT_FILES = 2000;

async function annualReportTiming(base, dir) {
  return onReviewPage(base, async (page) => {
    await page.goto(`${base}#/review`, { waitUntil: "load" });
    await page.waitForSelector("#review-folder");
    await page.evaluate(() => {
      window.__t = { t0: null, t1: null };
      document.getElementById("review-folder").addEventListener("change", () => { window.__t.t0 = performance.now(); }, { capture: true });
      new MutationObserver(() => { const t = window.__t; if (t.t0 !== null && t.t1 === null && document.getElementById("review-results")) t.t1 = performance.now(); })
        .observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles("#review-folder", dir);
    await page.waitForSelector("#report-odt", { timeout: 300_000 });
    const t = await page.evaluate(() => window.__t);
    for (const [id, v] of [["report-from-day", "1"], ["report-from-month", "1"], ["report-from-year", "2000"], ["report-to-day", "31"], ["report-to-month", "12"], ["report-to-year", "2030"]]) await page.fill(`#${id}`, v);
    const r = await clickToBlob(page, "#report-odt");
    return { checkMs: t.t1 - t.t0, reportMs: r.ms, totalMs: t.t1 - t.t0 + r.ms, bytes: r.bytes };
  });
}

async function annualReportBench(base) {
  const work = mkdtempSync(join(tmpdir(), "involve-bench-report-"));
  const dir = join(work, "forms");
  try {
    writeReviewFiles(dir, REPORT_FILES);
    const runs = [];
    for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) {
      const r = await annualReportTiming(base, dir);
      console.error(`annual report, ${REPORT_FILES} files at 1x CPU: check ${r.checkMs.toFixed(0)} ms + report ${r.reportMs.toFixed(0)} ms (${r.bytes} bytes)`);
      runs.push(r);
    }
    return { files: REPORT_FILES, checkMs: stats(runs.map((r) => r.checkMs)), reportMs: stats(runs.map((r) => r.reportMs)), totalMs: stats(runs.map((r) => r.totalMs)), bytes: runs[0].bytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST}/index.html missing: make dist first`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  if (opt("only", "") === "documents") {
    try {
      const result = { generated: new Date().toISOString(), runs: RUNS, documents: await documentBench(base), annualReport: await annualReportBench(base) };
      const json = JSON.stringify(result, null, 2);
      if (OUT) writeFileSync(OUT, json + "\n");
      console.log(json);
    } finally {
      server.close();
    }
    return;
  }
  if (opt("only", "") === "review") {
    try {
      const result = { generated: new Date().toISOString(), runs: RUNS, chromium: process.env.CHROMIUM_VERSION || null, review: await reviewBench(base) };
      const json = JSON.stringify(result, null, 2);
      if (OUT) writeFileSync(OUT, json + "\n");
      console.log(json);
    } finally {
      server.close();
    }
    return;
  }
  try {
    const keys = [], floor = [];
    const kRuns = ONLY ? 0 : Math.max(1, Math.min(RUNS, 3));
    // The floor: the same typing into a plain <textarea> of the peers'
    // hand-written HTML + JS form (no framework), same browser and settings.
    const vanilla = VANILLA && existsSync(join(VANILLA, "index.html")) ? await serve(VANILLA) : null;
    for (let i = 0; i < kRuns; i++) {
      const k = await keystrokes(`${base}#/b-step-1`, '[id="b.description"]');
      console.error(`keystroke run ${i + 1}/${kRuns}: ${k.length} keys, median ${stats(k).median.toFixed(1)} ms, worst ${stats(k).worst.toFixed(1)} ms`);
      keys.push(...k);
      if (vanilla) {
        const f = await keystrokes(`http://127.0.0.1:${vanilla.address().port}/`, "textarea#title", "textarea#title");
        console.error(`  vanilla textarea: median ${stats(f).median.toFixed(1)} ms, worst ${stats(f).worst.toFixed(1)} ms`);
        floor.push(...f);
      }
    }
    if (vanilla) vanilla.close();
    const cont = {};
    for (const slug of ONLY ? [] : PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await continueTimings(base, slug));
      cont[slug] = { dom: stats(runs.map((r) => r.domMs)), paint: stats(runs.map((r) => r.paintMs)), errors: runs[0].errors };
      console.error(`continue ${slug}: ${runs[0].errors} errors, DOM ${cont[slug].dom.median?.toFixed(1)} ms, paint ${cont[slug].paint.median?.toFixed(1)} ms`);
    }
    const check = [];
    for (let i = 0; i < (ONLY ? 0 : RUNS); i++) check.push(await checkPageTiming(base));
    const filled = {}, filledFloor = {};
    for (const entry of FILLED_PAGES) {
      const { from: slug, to } = fromTo(entry);
      const html = await floorPage(base, slug, to);
      const runs = [], floorRuns = [];
      // Interleaved, so machine-load drift hits the app and its floor alike.
      for (let i = 0; i < RUNS; i++) {
        runs.push(await filledContinueTimings(base, slug));
        floorRuns.push(await filledContinueTimings(base, slug, html));
      }
      if (runs.some((r) => r.errors > 0 || r.domMs === null)) throw new Error(`filled ${slug}: Save and continue did not move on (${JSON.stringify(runs[0])})`);
      if (floorRuns.some((r) => r.domMs === null || r.h1 !== runs[0].h1)) throw new Error(`floor ${slug}: the page did not change to ${runs[0].h1} (${JSON.stringify(floorRuns[0])})`);
      filled[slug] = { dom: stats(runs.map((r) => r.domMs)), paint: stats(runs.map((r) => r.paintMs)), next: runs[0].h1 };
      filledFloor[slug] = { dom: stats(floorRuns.map((r) => r.domMs)), paint: stats(floorRuns.map((r) => r.paintMs)) };
      console.error(`filled ${slug} -> ${runs[0].h1}: DOM ${filled[slug].dom.median?.toFixed(1)} ms, paint ${filled[slug].paint.median?.toFixed(1)} ms; hand-written floor DOM ${filledFloor[slug].dom.median?.toFixed(1)} ms, paint ${filledFloor[slug].paint.median?.toFixed(1)} ms`);
    }
    const checkFilled = [], checkFloor = [];
    const checkHtml = await floorPage(base, "tasks", "check");
    for (let i = 0; i < RUNS; i++) {
      checkFilled.push(await checkPageTiming(base, FILLED));
      checkFloor.push(await checkPageTiming(base, null, checkHtml));
    }
    if (checkFloor.some((r) => r.h1 !== checkFilled[0].h1)) throw new Error(`floor check: the page did not change to ${checkFilled[0].h1}`);
    console.error(`check answers (filled): paint ${stats(checkFilled.map((r) => r.paintMs)).median.toFixed(1)} ms; hand-written floor ${stats(checkFloor.map((r) => r.paintMs)).median.toFixed(1)} ms`);
    const result = {
      generated: new Date().toISOString(), cpuSlowdown: CPU, runs: RUNS,
      chromium: process.env.CHROMIUM_VERSION || null,
      keystrokeToPaintMs: kRuns ? { keys: KEYS, sessions: kRuns, ...stats(keys) } : null,
      keystrokeToPaintVanillaMs: floor.length ? { keys: KEYS, sessions: kRuns, ...stats(floor) } : null,
      continueMs: cont,
      checkPagePaintMs: stats(check.map((r) => r.paintMs)),
      filledContinueMs: filled,
      filledContinueFloorMs: filledFloor,
      checkPageFilledPaintMs: stats(checkFilled.map((r) => r.paintMs)),
      checkPageFloorPaintMs: stats(checkFloor.map((r) => r.paintMs)),
      review: ONLY ? null : await reviewBench(base),
      documents: ONLY ? null : await documentBench(base),
      annualReport: ONLY ? null : await annualReportBench(base),
    };
    console.error(`check answers page: paint ${result.checkPagePaintMs.median?.toFixed(1)} ms (${check[0]?.h1}); filled: ${result.checkPageFilledPaintMs.median.toFixed(1)} ms`);
    const json = JSON.stringify(result, null, 2);
    if (OUT) writeFileSync(OUT, json + "\n");
    console.log(json);
  } finally {
    server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
