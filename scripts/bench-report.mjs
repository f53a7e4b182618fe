#!/usr/bin/env node
// Writes one benchmark run (target/bench/*, from scripts/bench.sh) into
// BENCHMARKS.md: the method, then the newest run, then earlier runs as they were.
// usage: node scripts/bench-report.mjs target/bench BENCHMARKS.md
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measure } from "./sizes.mjs";

const [dir = "target/bench", file = "BENCHMARKS.md"] = process.argv.slice(2);
const peers = JSON.parse(readFileSync(join(dir, "peers.json"), "utf8"));
const ui = JSON.parse(readFileSync(join(dir, "ui.json"), "utf8"));
const native = readFileSync(join(dir, "native.md"), "utf8").trim();
// The lines cargo test prints, without its "test NAME ... " prefix.
const cli = readFileSync(join(dir, "cli.txt"), "utf8").trim().replace(/^test \S+ \.\.\. /gm, "");
const sizes = measure("dist");
// The Yew floor (benches/yew-floor), measured by the same harness just after the peers.
const floor = existsSync(join(dir, "floor.json")) ? JSON.parse(readFileSync(join(dir, "floor.json"), "utf8")).targets["yew-floor"] : null;
// The start page (dist/ as it is, no route) measured by the same harness: "Start now" visible and enabled.
const start = existsSync(join(dir, "start.json")) ? JSON.parse(readFileSync(join(dir, "start.json"), "utf8")).targets["involve-start"] : null;
// A returning user (tests/fixtures/complete.json saved in this browser) on #/b-step-1, by the same harness:
// the "Location" box visible and enabled, which for a returning user is the app showing the saved answer.
// A new user's first click (scripts/first-screens.mjs --first-click): navigation start to the error summary.
const firstClick = existsSync(join(dir, "firstclick.json")) ? Object.values(JSON.parse(readFileSync(join(dir, "firstclick.json"), "utf8")).dists)[0] : null;
const returning = existsSync(join(dir, "returning.json")) ? JSON.parse(readFileSync(join(dir, "returning.json"), "utf8")).targets["involve-returning"] : null;
// Each prerendered page's HTML (scripts/prerender.mjs, make dist).
const pre = existsSync("target/prerender-sizes.json") ? JSON.parse(readFileSync("target/prerender-sizes.json", "utf8")) : null;
const breakdown = existsSync(join(dir, "breakdown.txt")) ? readFileSync(join(dir, "breakdown.txt"), "utf8") : "";

const KiB = (b) => (b == null ? "n/a" : (b / 1024).toFixed(1));
const ms = (x) => (x == null ? "n/a" : x >= 100 ? `${Math.round(x)}` : x.toFixed(1));
const T = peers.targets;
const k = ui.keystrokeToPaintMs;
const names = Object.keys(T);
const inv = T.involve;
const ratio = (a, b) => (a == null || b == null ? "n/a" : `${(a / b).toFixed(2)}x`);

const date = peers.generated.slice(0, 10);
const lines = [];
lines.push(`## Run of ${date} (${peers.generated})`);
lines.push("");
lines.push(`Peer harness: medians of ${peers.runsPerMode} cold loads per stack and mode, interleaved, fresh Chromium profile each, ` +
  `served with gzip -9 Content-Encoding. ${peers.environment.chromium}; node ${peers.environment.node}; ${peers.environment.cpus} CPUs. ` +
  `Throttled = Fast 3G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) + 4x CPU.`);
lines.push("");
lines.push("| stack | requests | raw KiB | gzip-9 KiB | brotli KiB | first input, Fast 3G + 4x CPU (ms) | first input, unthrottled (ms) | submit empty -> errors, 4x CPU / unthr. (ms) | submit filled -> ok, 4x CPU / unthr. (ms) |");
lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const n of names) {
  const r = T[n];
  const e = `${ms(r.submitErrorsMs.throttled.median)} / ${ms(r.submitErrorsMs.unthrottled.median)}`;
  const o = `${ms(r.submitOkMs.throttled.median)} / ${ms(r.submitOkMs.unthrottled.median)}`;
  lines.push(`| ${n === "involve" ? "**involve**" : n} | ${r.bytes.requests} | ${KiB(r.bytes.raw)} | ${KiB(r.bytes.gzip9)} | ${KiB(r.bytes.brotli)} | ${ms(r.firstInputMs.throttled.median)} | ${ms(r.firstInputMs.unthrottled.median)} | ${e} | ${o} |`);
}
if (floor) {
  lines.push(`| *yew floor* (one text box, no content; own run) | ${floor.bytes.requests} | ${KiB(floor.bytes.raw)} | ${KiB(floor.bytes.gzip9)} | ${KiB(floor.bytes.brotli)} | ${ms(floor.firstInputMs.throttled.median)} | ${ms(floor.firstInputMs.unthrottled.median)} | n/a | n/a |`);
}
lines.push("");
if (inv.bytes.gzip9 < 0.9 * sizes.hosted.gzip) {
  lines.push(`Involve's bytes in this table are what had arrived when the harness closed the page (${inv.bytes.requests} requests): the page is usable before the wasm, which was still on its way. One cold load of the hosted app is ${KiB(sizes.hosted.gzip)} KiB gzip (the release dist below); the byte ratios below count only what had arrived.`);
  lines.push("");
}
lines.push(`Involve's empty submit shows ${inv.errorMessagesShown} error messages (Appendix B Step 1: location, title and description are required; objectives is optional); the peers show 18 on their one-page form.`);
lines.push("");
const jf = T.jsonforms, va = T.vanilla;
lines.push("Ratios (Involve / other; lower is better):");
lines.push("");
const fl = (f) => (floor ? ` ${ratio(f(inv), f(floor))} |` : "");
lines.push(`| measure | / React + JSON Forms | / vanilla HTML + JS |${floor ? " / yew floor |" : ""}`);
lines.push(`|---|---:|---:|${floor ? "---:|" : ""}`);
lines.push(`| gzip bytes | ${ratio(inv.bytes.gzip9, jf.bytes.gzip9)} | ${ratio(inv.bytes.gzip9, va.bytes.gzip9)} |${fl((t) => t.bytes.gzip9)}`);
lines.push(`| raw bytes | ${ratio(inv.bytes.raw, jf.bytes.raw)} | ${ratio(inv.bytes.raw, va.bytes.raw)} |${fl((t) => t.bytes.raw)}`);
lines.push(`| first input, Fast 3G + 4x CPU | ${ratio(inv.firstInputMs.throttled.median, jf.firstInputMs.throttled.median)} | ${ratio(inv.firstInputMs.throttled.median, va.firstInputMs.throttled.median)} |${fl((t) => t.firstInputMs.throttled.median)}`);
lines.push(`| first input, unthrottled | ${ratio(inv.firstInputMs.unthrottled.median, jf.firstInputMs.unthrottled.median)} | ${ratio(inv.firstInputMs.unthrottled.median, va.firstInputMs.unthrottled.median)} |${fl((t) => t.firstInputMs.unthrottled.median)}`);
if (floor) {
  const budget = jf.firstInputMs.throttled.median / 2;
  lines.push("");
  lines.push(`The first-input target is half of React + JSON Forms, ${ms(budget)} ms in this run. The Yew floor (benches/yew-floor: Yew 0.23 + ` +
    `wasm-bindgen, one labelled text box, no content, the same toolchain) takes ${ms(floor.firstInputMs.throttled.median)} ms of it ` +
    `(${Math.round((100 * floor.firstInputMs.throttled.median) / budget)}%) with ${KiB(floor.bytes.gzip9)} KiB gzip.`);
}
lines.push("");
// Issue 5 targets, from this run's numbers.
const KB = 1024;
const worstContinue = Math.max(...Object.values(ui.continueMs).map((c) => c.dom.median ?? 0));
const filledDom = Object.values(ui.filledContinueMs || {}).map((c) => c.dom.median ?? 0);
const bestContinue = Math.min(...Object.values(ui.continueMs).map((c) => c.dom.median ?? Infinity));
const cliRate = Number((cli.match(/([0-9]+) files\/s/) || [])[1]);
// `involve report` over 2,000 files (tests/cli_throughput.rs), issue 18's CLI budget.
const cliReport = cli.match(/annual report of .* in ([0-9.]+) s/);
const cliCheck = cli.split("\n").find((l) => l.startsWith("checked")) || cli;
const yes = (b) => (b ? "met" : "**not met**");
lines.push("Targets (issue 5) against this run:");
lines.push("");
lines.push("| target | this run | |");
lines.push("|---|---:|---|");
lines.push(`| hosted raw <= 400 KiB | ${KiB(sizes.hosted.raw)} KiB | ${yes(sizes.hosted.raw <= 400 * KB)} |`);
lines.push(`| hosted gzip <= 120 KiB | ${KiB(sizes.hosted.gzip)} KiB | ${yes(sizes.hosted.gzip <= 120 * KB)} |`);
lines.push(`| offline file <= 450 KiB | ${KiB(sizes.offline.raw)} KiB | ${yes(sizes.offline.raw <= 450 * KB)} |`);
const half = jf.firstInputMs.throttled.median / 2;
lines.push(`| first input, Fast 3G + 4x CPU <= half of React + JSON Forms (${ms(half)} ms) | ${ms(inv.firstInputMs.throttled.median)} ms | ${yes(inv.firstInputMs.throttled.median <= half)} |`);
lines.push(`| validation on Save and continue rendered <= 15 ms at 4x CPU, empty pages | ${ms(bestContinue)}-${ms(worstContinue)} ms (error summary laid out, medians per page) | ${yes(worstContinue <= 15)} |`);
if (filledDom.length) {
  const lo = Math.min(...filledDom), hi = Math.max(...filledDom);
  lines.push(`| the same, filled pages (-> next page laid out) | ${ms(lo)}-${ms(hi)} ms | ${yes(hi <= 15)} |`);
}
lines.push(`| keystroke to paint <= 16 ms at 4x CPU | median ${ms(k.median)} ms, worst ${ms(k.worst)} ms | median ${yes(k.median <= 16)}, worst ${yes(k.worst <= 16)} |`);
lines.push(`| \`involve check\` >= 5,000 files/s | ${cliRate} files/s | ${yes(cliRate >= 5000)} |`);
lines.push("");
// Issue 13 targets: the prerendered first screens, derived values once per change.
{
  const filledAll = Object.values(ui.filledContinueMs || {}).map((c) => c.dom.median ?? Infinity);
  const filledPaint = Object.values(ui.filledContinueMs || {}).map((c) => c.paint.median ?? Infinity);
  const fi = inv.firstInputMs.throttled.median, jfi = jf.firstInputMs.throttled.median, vfi = va.firstInputMs.throttled.median;
  const si = start ? start.firstInputMs.throttled.median : null;
  const kv = ui.keystrokeToPaintVanillaMs;
  const r = (a, b) => (a == null || b == null ? null : a / b);
  const x = (v) => (v == null ? "n/a" : `${v.toFixed(2)}x`);
  lines.push("Targets (issue 13) against this run:");
  lines.push("");
  lines.push("| target | this run | ratio | |");
  lines.push("|---|---:|---:|---|");
  lines.push(`| first input on \`#/b-step-1\`, Fast 3G + 4x CPU <= 0.5x React + JSON Forms (${ms(jfi)} ms) | ${ms(fi)} ms | ${x(r(fi, jfi))} | ${yes(r(fi, jfi) <= 0.5)} |`);
  lines.push(`| start page interactive ("Start now" visible and enabled; it works before the wasm), Fast 3G + 4x CPU <= 1.5x hand-written HTML + JS (${ms(vfi)} ms) | ${ms(si)} ms | ${x(r(si, vfi))} | ${si == null ? "n/a" : yes(r(si, vfi) <= 1.5)} |`);
  if (filledAll.length) {
    lines.push(`| Save and continue on a filled page -> next page laid out <= 16 ms at 4x CPU | ${ms(Math.min(...filledAll))}-${ms(Math.max(...filledAll))} ms (next paint ${ms(Math.min(...filledPaint))}-${ms(Math.max(...filledPaint))}) | ${x(Math.max(...filledAll) / 16)} | ${yes(Math.max(...filledAll) <= 16)} |`);
    const ff = ui.filledContinueFloorMs;
    if (ff) {
      const floorAll = Object.values(ff).map((c) => c.dom.median ?? Infinity);
      const ratios = Object.entries(ui.filledContinueMs).map(([slug, c]) => r(c.dom.median, ff[slug]?.dom.median));
      lines.push(`| the same change made by hand-written JS (the app's own DOM before and after, no framework; see Method) | ${ms(Math.min(...floorAll))}-${ms(Math.max(...floorAll))} ms | app / floor ${x(Math.min(...ratios))}-${x(Math.max(...ratios))} | floor ${yes(Math.max(...floorAll) <= 16)} |`);
    }
    lines.push(`| check answers, filled, painted <= 40 ms at 4x CPU | ${ms(ui.checkPageFilledPaintMs.median)} ms (empty: ${ms(ui.checkPagePaintMs.median)}) | ${x(ui.checkPageFilledPaintMs.median / 40)} | ${yes(ui.checkPageFilledPaintMs.median <= 40)} |`);
    if (ui.checkPageFloorPaintMs) {
      lines.push(`| the same change made by hand-written JS | ${ms(ui.checkPageFloorPaintMs.median)} ms | app / floor ${x(r(ui.checkPageFilledPaintMs.median, ui.checkPageFloorPaintMs.median))} | floor ${yes(ui.checkPageFloorPaintMs.median <= 40)} |`);
    }
  }
  if (returning) {
    const rfi = returning.firstInputMs.throttled.median;
    lines.push(`| returning user: saved answers on screen on \`#/b-step-1\`, Fast 3G + 4x CPU <= 0.5x React + JSON Forms' first input (issue 20; own harness run) | ${ms(rfi)} ms | ${x(r(rfi, jfi))} | ${yes(r(rfi, jfi) <= 0.5)} |`);
  }
  if (firstClick) {
    const jfc = jfi + jf.submitErrorsMs.throttled.median;
    lines.push(`| a new user's first Save and continue on an empty \`#/b-step-1\`, navigation start -> error summary, Fast 3G + 4x CPU <= 0.5x React + JSON Forms' first input plus its submit -> errors at 4x (${ms(jfc)} ms) (issue 20; scripts/first-screens.mjs, same machine, after the harness) | ${ms(firstClick.median)} ms | ${x(r(firstClick.median, jfc))} | ${yes(r(firstClick.median, jfc) <= 0.5)} |`);
  }
  lines.push(`| keystroke to paint, median <= 1.5x the plain textarea (${ms(kv?.median)} ms) | ${ms(k.median)} ms | ${x(r(k.median, kv?.median))} | ${kv ? yes(r(k.median, kv.median) <= 1.5) : "n/a"} |`);
  lines.push(`| brotli total, one cold load (report) | ${KiB(sizes.hosted.brotli)} KiB | | |`);
  if (pre) lines.push(`| prerendered HTML in index.html (report) | ${KiB(pre.indexAfter.raw - pre.indexBefore.raw)} KiB raw, ${KiB(pre.indexAfter.gzip - pre.indexBefore.gzip)} gzip, ${KiB(pre.indexAfter.brotli - pre.indexBefore.brotli)} brotli | | |`);
  lines.push("");
  if (pre) {
    lines.push("Prerendered HTML per page, as stored in index.html and in the offline file (each page's first render, the app's own components through Yew `ssr`; the start page whole, the others only what is inside their `<main>`):");
    lines.push("");
    lines.push("| route | raw KiB | gzip-9 KiB | brotli KiB |");
    lines.push("|---|---:|---:|---:|");
    for (const p of pre.pages) lines.push(`| \`#${p.route}\` | ${KiB(p.raw)} | ${KiB(p.gzip)} | ${KiB(p.brotli)} |`);
    lines.push(`| the two scripts (head, and the one that shows a page) | ${KiB(pre.script.raw)} | ${KiB(pre.script.gzip)} | ${KiB(pre.script.brotli)} |`);
    lines.push(`| index.html without / with them | ${KiB(pre.indexBefore.raw)} / ${KiB(pre.indexAfter.raw)} | ${KiB(pre.indexBefore.gzip)} / ${KiB(pre.indexAfter.gzip)} | ${KiB(pre.indexBefore.brotli)} / ${KiB(pre.indexAfter.brotli)} |`);
    lines.push("");
  }
  if (start) lines.push(`Start page: ${ms(si)} ms throttled, ${ms(start.firstInputMs.unthrottled.median)} ms unthrottled (own harness run, \`--only\`, right after the main run).`);
  lines.push("Submit timings in the peer table are taken by the harness right after the page's load event; with the prerendered page, a click made before the app has started waits for it (and is then carried out), so they include any wait for the wasm.");
  lines.push("");
}
lines.push("### Release dist (this build)");
lines.push("");
lines.push("| file | raw KiB | gzip-9 KiB | brotli KiB |");
lines.push("|---|---:|---:|---:|");
for (const f of sizes.files) lines.push(`| ${f.name.replace(/-[0-9a-f]{8,16}(?=(_bg)?\.)/, "-HASH")} | ${KiB(f.raw)} | ${KiB(f.gzip)} | ${KiB(f.brotli)} |`);
lines.push(`| **hosted total** (${sizes.hosted.files} files, one cold load) | ${KiB(sizes.hosted.raw)} | ${KiB(sizes.hosted.gzip)} | ${KiB(sizes.hosted.brotli)} |`);
lines.push("");
lines.push(`### Interaction at ${ui.cpuSlowdown}x CPU (scripts/bench-ui.mjs)`);
lines.push("");
lines.push(`Keystroke to paint, ${k.keys} characters typed into the Appendix B "description" textarea, ${k.sessions} sessions (${k.n} keys): ` +
  `median **${ms(k.median)} ms**, 95th percentile ${ms(k.p95)} ms, worst ${ms(k.worst)} ms.` +
  (ui.keystrokeToPaintVanillaMs ? ` Floor, the same typing into a plain textarea of the hand-written HTML + JS peer: median ${ms(ui.keystrokeToPaintVanillaMs.median)} ms, ` +
    `95th percentile ${ms(ui.keystrokeToPaintVanillaMs.p95)} ms, worst ${ms(ui.keystrokeToPaintVanillaMs.worst)} ms.` : ""));
lines.push("");
lines.push("| page (no answers) | errors shown | Save and continue -> error summary laid out (ms, median) | -> next paint (ms, median / worst) |");
lines.push("|---|---:|---:|---:|");
for (const [slug, c] of Object.entries(ui.continueMs)) {
  lines.push(`| ${slug} | ${c.errors} | ${ms(c.dom.median)} | ${ms(c.paint.median)} / ${ms(c.paint.worst)} |`);
}
lines.push(`| check answers (task list link -> page painted; whole-document validation and rules) | | | ${ms(ui.checkPagePaintMs.median)} / ${ms(ui.checkPagePaintMs.worst)} |`);
lines.push("");
if (ui.filledContinueMs) {
  lines.push("With a filled document (tests/fixtures/complete.json in this browser's storage): Save and continue on an Appendix B page goes to the task list, which works out every section's status; on a screening question page (`screening/...`), to the next question page or the screening's check page.");
  lines.push("");
  const ff = ui.filledContinueFloorMs || {};
  lines.push("| page (filled) | goes to | Save and continue -> heading laid out (ms, median) | -> next paint (ms, median / worst) | hand-written floor: laid out / next paint (ms, median) |");
  lines.push("|---|---|---:|---:|---:|");
  for (const [slug, c] of Object.entries(ui.filledContinueMs)) {
    lines.push(`| ${slug} | ${c.next} | ${ms(c.dom.median)} | ${ms(c.paint.median)} / ${ms(c.paint.worst)} | ${ff[slug] ? `${ms(ff[slug].dom.median)} / ${ms(ff[slug].paint.median)}` : "n/a"} |`);
  }
  lines.push(`| check answers, filled (task list link -> page painted) | Check your answers | | ${ms(ui.checkPageFilledPaintMs.median)} / ${ms(ui.checkPageFilledPaintMs.worst)} | ${ui.checkPageFloorPaintMs ? `- / ${ms(ui.checkPageFloorPaintMs.median)}` : "n/a"} |`);
  lines.push("");
}
if (breakdown) {
  lines.push("### Where the wasm bytes go (scripts/wasm-breakdown.sh: twiggy on the same build with names)");
  lines.push("");
  lines.push("```");
  lines.push(breakdown.slice(breakdown.indexOf("by crate/module")).trim().split("\n").slice(0, 22).join("\n"));
  lines.push("```");
  lines.push("");
  const views = [...breakdown.matchAll(/^\s*(\d+) ┊.*CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view/gm)].map((m) => Number(m[1]));
  lines.push("`yew` includes the views written with `html!` that are inlined into Yew's generic component code" +
    (views.length ? ` (the largest, the App root with the pages it inlines, is ${(views[0] / 1000).toFixed(1)} KB in one function).` : "."));
  lines.push("");
}
lines.push("### Native (release build, this machine)");
lines.push("");
lines.push(native);
lines.push("");
lines.push(`\`involve check\`: ${cliCheck}.`);
lines.push("");
if (cliReport) {
  lines.push(`\`involve report\` (tests/cli_throughput.rs): ${cli.split("\n").find((l) => l.startsWith("annual report"))}; goal <= 1 s: ${yes(Number(cliReport[1]) <= 1)}.`);
  lines.push("");
}
if (ui.review) {
  const rv = ui.review;
  lines.push(`### Review completed forms (${rv.files.toLocaleString("en-GB")} generated files, in the browser)`);
  lines.push("");
  lines.push("| CPU | change event -> summary (ms) | files/s | longest task while checking (ms) | the browser's folder input task (ms) | goal |");
  lines.push("|---|---:|---:|---:|---:|---|");
  for (const [label, k] of [["normal", "normal"], ["4x slower", "cpu4x"]]) {
    const r = rv[k];
    const goal = k === "normal" ? (r.ms.median <= 2000 ? "<= 2 s: met" : "<= 2 s: **not met**") : "";
    lines.push(`| ${label} | ${ms(r.ms.median)} | ${Math.round(r.filesPerSecond.median)} | ${ms(r.longestTaskMs.median)} (worst ${ms(r.longestTaskMs.worst)}) | ${ms(r.inputTaskMs.median)} | ${goal} |`);
  }
  lines.push("");
}

if (ui.documents) {
  lines.push("### Documents (issue 18, in the browser at 4x CPU)");
  lines.push("");
  lines.push("| fixture | format | click -> document made (ms) | bytes | goal (<= 100 ms) |");
  lines.push("|---|---|---:|---:|---|");
  for (const [key, d] of Object.entries(ui.documents)) {
    const [fixture, ext] = [key.slice(0, key.lastIndexOf(".")), key.slice(key.lastIndexOf(".") + 1)];
    lines.push(`| ${fixture} | .${ext} | ${ms(d.ms.median)} | ${d.bytes.toLocaleString("en-GB")} | ${d.ms.median <= 100 ? "met" : "**not met**"} |`);
  }
  lines.push("");
}
if (ui.annualReport) {
  const a = ui.annualReport;
  lines.push(`### Annual report (${a.files.toLocaleString("en-GB")} generated files, in the browser at normal CPU speed)`);
  lines.push("");
  lines.push("| folder chosen -> summary (ms) | report clicked -> .odt made (ms) | together (ms) | .odt bytes | goal (<= 2 s) |");
  lines.push("|---:|---:|---:|---:|---|");
  lines.push(`| ${ms(a.checkMs.median)} | ${ms(a.reportMs.median)} | ${ms(a.totalMs.median)} | ${a.bytes.toLocaleString("en-GB")} | ${a.totalMs.median <= 2000 ? "met" : "**not met**"} |`);
  lines.push("");
}

const METHOD = `# Benchmarks

\`make bench\` writes this file (scripts/bench.sh; \`RUNS=3 make bench\` for a quicker pass). Newest run first;
earlier runs are kept as they were. Timings are measurements, not tests: only bytes are tested (the size budget in
\`make test\`).

## Method

* **Bytes**: every 2xx response of one cold load of the hosted app (all files of \`dist/\` but the offline file),
  raw, gzip -9 and brotli q11, as the peer harness counts them. The offline file is listed with the dist files.
* **Peers**: \`../shared/bench/peers\` (React + rjsf, SurveyJS, React + JSON Forms, hand-written HTML + JS), all
  building the same Appendix B form, measured in the same run as Involve. The harness is copied to
  \`target/bench-peers\` because \`shared/\` is read-only and it writes \`node_modules\`, its builds and
  \`results.json\` beside itself.
* **What Involve is measured on**: the harness opens \`/\` and waits for the first input; Involve opens on a start
  page with no inputs, and splits Appendix B into one page per step. The equivalent work is the first question
  page of Appendix B, the bookmarkable route \`index.html#/b-step-1\`. The bench copy of dist
  (\`scripts/bench-dist.mjs\`, in \`target/bench/dist\`) is byte-for-byte \`dist/\` except one inline line in
  \`index.html\` that opens that route when the address has none (and its CSP hash). First input = the "Location"
  text box (\`[id="b.location"]\`) visible and enabled. Submit = "Save and continue"; errors = the inline
  \`.nhsuk-error-message\` elements (3 on this page, against 18 on the peers' one-page form: Involve validates one
  step per page, as the NHS service manual asks); ok = the task list (\`#task-progress\`) after the harness has
  filled every field.
* **Keystroke to paint**: 200 characters typed one key at a time (60 ms apart) into a textarea at 4x CPU; per key,
  \`event.timeStamp\` of the keydown to the first task after the next animation frame (\`requestAnimationFrame\`
  then \`setTimeout(0)\`), i.e. the frame that shows the character.
* **Validation, filled**: the same clicks with a complete document (tests/fixtures/complete.json) in storage:
  Save and continue on each Appendix B page goes to the task list; on three of the screening's question pages
  (\`screening/organisation\`, \`screening/impact\`, \`screening/equality\`) it goes to the next question page or the
  screening's check page; and the check-answers page.
  **Hand-written floor** for each of these changes of page, in the same run, interleaved with the app's runs: the
  app's own DOM on the page before (header, main, footer, the hidden print view) and the next page's \`<main>\`
  and title, both taken from the app, in a static page with the same stylesheet; on the same event (the click, or
  the address changing) plain JS replaces \`<main>\`'s content with a clone of the next page's, parsed beforehand
  (a \`<template>\`), sets the title, scrolls to the top and focuses the heading, as the app does. No framework, no
  validation, no state, no parsing: the browser's own part of the same change (building the nodes, style, layout,
  paint), which any implementation pays, measured the same way.
* **Validation**: on each question page with no answers, "Save and continue" clicked in the page at 4x CPU; time
  to the error summary being in the DOM and laid out, and to the next paint. The check-answers page validates the
  whole document and runs the rules on every render.
* **Yew floor**: \`benches/yew-floor\` is the smallest app on the required stack (Yew 0.23 csr, wasm-bindgen 0.2.130,
  the same release profile, Trunk, wasm-opt -Oz and glue minification) with one labelled text box with Involve's id.
  The peer harness measures it (\`--only\`, as an extra site) right after the main run: what any Yew app pays before
  its own content.
* **Prerendered first screens** (issue 13): \`index.html\` holds every page's first render (scripts/prerender.mjs,
  the app's own components through Yew \`ssr\`): the start page as the body's first content, shown as soon as it
  arrives, and the other pages as text/html data blocks (only what is inside their \`<main>\`), one of which a
  small inline script shows when the address names it; the app takes over when the wasm arrives. First input
  therefore no longer waits for the wasm. **Start page interactive**: the same harness on \`dist/\` as it is (no
  route), until "Start now" (\`#start-now\`) is visible and enabled: it works before the wasm (the script shows
  the task list's HTML).
* **Native**: \`cargo bench --bench throughput\` (timed loop over the sample forms of the tests) and
  \`tests/cli_throughput.rs\` (\`involve check --summary\` on 10,000 generated documents, one process).
* **Review completed forms**: \`scripts/bench-ui.mjs\` chooses a folder of 1,000 generated documents
  (tests/e2e/review-files.mjs) on \`#/review\`, at normal CPU speed and 4x slower; time from the input's change
  event to the summary in the DOM, and the longest task from then on (PerformanceObserver "longtask": 0 means
  none over 50 ms). The task before the change event is Chromium building the folder's file list, not the app's,
  and is given apart. \`node scripts/bench-ui.mjs dist --only review\` runs this part alone.
* **Documents** (issue 18): check answers with a complete fixture in storage (2017 and 2022), at 4x CPU; "Download
  as a document" clicked in the page, timed to the Blob URL the download makes (built, zipped, handed over).
  **Annual report**: 2,000 generated documents chosen as a folder on \`#/review\` at normal speed (change event to
  summary), then the period typed and the .odt report clicked (click to Blob URL); both, and their sum.
  \`node scripts/bench-ui.mjs dist --only documents\` runs these alone.
`;

let earlier = "";
if (existsSync(file)) {
  const old = readFileSync(file, "utf8");
  const i = old.indexOf("\n## Run of ");
  if (i >= 0) earlier = old.slice(i + 1).replace(/^## Earlier runs\n+/m, "");
}
const body = `${METHOD}\n${lines.join("\n")}${earlier ? `\n${earlier.trim()}\n` : ""}`;
writeFileSync(file, body);
console.error(`bench-report: wrote ${file}`);
