#!/usr/bin/env node
// Puts every page's first render into dist/index.html (make dist runs this
// after trunk and before scripts/offline.mjs, so the offline file has it too).
//
// 1. `cargo run --features ssr --bin involve-prerender` renders each page of
//    the app (Page::all(): a page added to the app is included with no change
//    here) natively with the app's own Yew components, as a new user first
//    sees it. There is no second copy of the markup.
// 2. Each page's HTML goes into a <template class="app-prerendered"
//    id="app-pre-ROUTE" data-title="...">, and one small inline script (hashed
//    by the CSP like every inline script; no unsafe-inline) shows the page the
//    address names in place of the loading shell, before the wasm arrives.
//    A returning user (saved answers in this browser) keeps the loading shell:
//    they never see blanks that then change. Links work at once while nothing
//    has been typed (the script shows that page's HTML); a click on a button,
//    or on a link once something has been typed, is held back, the control
//    is marked as waiting, and the app carries it out when it starts
//    (src/web/takeover.rs reads the page, its answers, focus and caret).
// 3. Writes each page's size (raw, gzip -9, brotli q11) to
//    target/prerender-sizes.json and prints them.
//
// usage: node scripts/prerender.mjs [distDir]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// The inline script. Plain ES5-ish so it runs everywhere the app's shell does.
export const SHOW = `(function(d,w){var s=d.getElementById("app-loading");if(!s)return;` +
  `try{if(localStorage.getItem("involve.answers"))return}catch(e){}` +
  `var p=d.createElement("div"),dirty=0,busy;p.id="app-pre";` +
  `function show(){var r=location.hash.replace(/^#*\\/*/,""),t=d.getElementById("app-pre-/"+r)||d.getElementById("app-pre-/");` +
  `p.replaceChildren(t.content.cloneNode(!0));d.title=t.getAttribute("data-title")}` +
  `show();s.replaceWith(p);` +
  `function mark(){dirty=1}p.addEventListener("input",mark);p.addEventListener("change",mark);` +
  `function hold(e,el){e.preventDefault();if(busy){busy.classList.remove("app-waiting");busy.removeAttribute("aria-disabled")}` +
  `busy=el;el.classList.add("app-waiting");el.setAttribute("aria-disabled","true");` +
  `w.__involvePending={id:el.id,tag:el.tagName,href:el.getAttribute("href")||"",text:el.textContent}}` +
  `p.addEventListener("click",function(e){var el=e.target.closest("a[href],button");if(!el)return;` +
  `var h=el.getAttribute("href");if(h&&(h.slice(0,2)!="#/"||!dirty))return;hold(e,el)});` +
  `p.addEventListener("submit",function(e){var b=e.target.querySelector("button[type=submit]");if(b)hold(e,b);else e.preventDefault()});` +
  `p.addEventListener("dragover",function(e){e.preventDefault()});` +
  `p.addEventListener("drop",function(e){e.preventDefault();var f=e.dataTransfer&&e.dataTransfer.files[0];if(f){w.__involveFile=f;dirty=1}});` +
  `w.addEventListener("hashchange",function(){if(p.isConnected&&!dirty){show();w.scrollTo(0,0);var h=p.querySelector("main h1");if(h)h.focus()}})` +
  `})(document,window)`;

const esc = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Renders the pages with the app's components (native, Yew ssr). */
export function renderPages() {
  const out = execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "involve-prerender"], {
    encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out).pages;
}

/** index.html with the pages' templates and the script that shows one (replacing any earlier ones). */
export function withPages(html, pages) {
  html = html.replace(/\s*<template class="app-prerendered"[\s\S]*?<\/template>/g, "").replace(/\s*<script>\(function\(d,w\)\{var s=d\.getElementById\("app-loading"\)[\s\S]*?<\/script>/, "");
  const templates = pages.map((p) => {
    if (/<script|<style|\son[a-z]+=/i.test(p.html)) throw new Error(`prerendered ${p.route} has an inline script, style or handler`);
    return `<template class="app-prerendered" id="app-pre-${esc(p.route)}" data-title="${esc(p.title)}">${p.html}</template>`;
  }).join("\n  ");
  const block = `  <!-- Every page's first render (scripts/prerender.mjs), shown by the script below until the app takes over. -->\n  ${templates}\n  <script>${SHOW}</script>\n`;
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  return html.replace("</body>", `${block}</body>`);
}

const kib = (n) => (n / 1024).toFixed(1);
const sizes = (text) => {
  const b = Buffer.from(text, "utf8");
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};

function main() {
  const dist = resolve(process.argv[2] || "dist");
  const index = join(dist, "index.html");
  if (!existsSync(index)) throw new Error(`${index} is missing: run trunk build first`);
  const pages = renderPages();
  const before = readFileSync(index, "utf8");
  const after = withPages(before, pages);
  writeFileSync(index, after);
  const report = {
    pages: pages.map((p) => ({ route: p.route, ...sizes(p.html) })),
    script: sizes(SHOW),
    indexBefore: sizes(withPages(before, []).replace(/\s*<!-- Every page's first render[\s\S]*?<\/script>\n/, "\n")),
    indexAfter: sizes(after),
  };
  mkdirSync("target", { recursive: true });
  writeFileSync("target/prerender-sizes.json", JSON.stringify(report, null, 2) + "\n");
  for (const p of report.pages) console.error(`prerender: #${p.route.padEnd(12)} ${kib(p.raw).padStart(6)} KiB raw ${kib(p.gzip).padStart(5)} gzip ${kib(p.brotli).padStart(5)} brotli`);
  console.error(`prerender: index.html ${kib(report.indexBefore.raw)} -> ${kib(report.indexAfter.raw)} KiB raw, ${kib(report.indexBefore.gzip)} -> ${kib(report.indexAfter.gzip)} gzip, ${kib(report.indexBefore.brotli)} -> ${kib(report.indexAfter.brotli)} brotli (${pages.length} pages)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
