#!/usr/bin/env node
// Puts every page's first render into dist/index.html (make dist runs this
// after trunk and before scripts/offline.mjs, so the offline file has it too).
//
// 1. `cargo run --features ssr --bin involve-prerender` renders each page of
//    the app (Page::all(): a page added to the app is included with no change
//    here) natively with the app's own Yew components, as a new user first
//    sees it. There is no second copy of the markup.
// 2. The start page's HTML is the body's first content (`<div id="app-pre">`),
//    so a new user sees it as soon as it arrives, like a hand-written page:
//    it does not wait for the rest of the file. Every other page's HTML is a
//    data block (`<script type="text/html" class="app-prerendered"
//    id="app-pre-ROUTE" data-title="...">`), which the browser keeps as text
//    and does not build into elements: parsing 16 pages the user is not on
//    costs next to nothing. A block holds only what is inside the page's
//    <main>: the header and footer are the start page's (the build fails if
//    a page's differ), about 1.9 KiB not repeated 16 times. Two small inline
//    scripts (hashed by the CSP like every inline script; no unsafe-inline)
//    do the rest:
//    - HEAD, before the stylesheet: a returning user (saved answers in this
//      browser) or an address naming another page (#/b-step-1) marks <html>
//      `app-pre-wait`, so the start page is never shown to them, not even
//      for a moment; they see the loading shell (www/app.css);
//    - SHOW, at the end of the body: a returning user keeps the loading shell
//      until the app shows their answers (they never see blanks that then
//      change); anyone else gets the page the address names, in place.
//    Links work at once while nothing has been typed (SHOW shows that page's
//    HTML); a click on a button, or on a link once something has been typed,
//    is held back, the control is marked as waiting, and the app carries it
//    out when it starts (src/web/takeover.rs reads the page, its answers,
//    focus and caret). A link followed before SHOW has run changes the
//    address, and SHOW shows the page it names.
// 3. Writes each page's size (raw, gzip -9, brotli q11) to
//    target/prerender-sizes.json and prints them.
//
// usage: node scripts/prerender.mjs [distDir]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// The inline scripts. Plain ES5-ish so they run everywhere the app's shell does.
// The route of an address: "" for the start page ("", "#", "#/").
const ROUTE = `location.hash.replace(/^#*\\/*/,"")`;
export const HEAD = `(function(d){var w=${ROUTE}!=="";try{if(localStorage.getItem("involve.answers"))w=1}catch(e){}` +
  `if(w)d.documentElement.className+=" app-pre-wait"})(document)`;
export const SHOW = `(function(d,w){var s=d.getElementById("app-loading"),p=d.getElementById("app-pre"),home,dirty=0,busy;if(!s||!p)return;` +
  `try{if(localStorage.getItem("involve.answers")){p.remove();d.documentElement.classList.remove("app-pre-wait");return}}catch(e){}` +
  `home=p.querySelector("main").innerHTML;` +
  `function show(){var t=d.getElementById("app-pre-/"+${ROUTE})||p;p.querySelector("main").innerHTML=t==p?home:t.textContent;d.title=t.getAttribute("data-title")}` +
  `if(${ROUTE})show();s.remove();d.documentElement.classList.remove("app-pre-wait");` +
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

const MARK = "<!-- prerendered (scripts/prerender.mjs) -->";
const END = "<!-- /prerendered -->";
/** Removes what [`withPages`] added, so it can run again on its own output. */
function withoutPages(html) {
  const cut = new RegExp(`\\s*${MARK}[\\s\\S]*?${END}`, "g");
  return html.replace(cut, "");
}

/** A page's HTML split into what is inside its <main> and what is around it (the header and footer). */
function frame(p) {
  const m = p.html.match(/^([\s\S]*?<main\b[^>]*>)([\s\S]*)(<\/main>[\s\S]*)$/);
  if (!m || m[2].includes("<main")) throw new Error(`prerendered ${p.route} has not exactly one <main>`);
  return { around: m[1] + m[3], main: m[2] };
}

/** What a page adds to index.html: the start page whole, the others what is inside their <main>. */
const stored = (p) => (p.route === "/" ? p.html : frame(p).main);

/** index.html with the start page first in the body, the other pages as data blocks, and the two scripts. */
export function withPages(html, pages) {
  html = withoutPages(html);
  if (!pages.length) return html;
  for (const p of pages) {
    // A data block ends at the first "</script"; "<!--" inside one changes how it is parsed.
    if (/<script|<\/script|<style|<!--|\son[a-z]+=/i.test(p.html)) throw new Error(`prerendered ${p.route} has an inline script, style, comment or handler`);
  }
  const start = pages.find((p) => p.route === "/");
  if (!start) throw new Error("no prerendered start page (route /)");
  const around = frame(start).around;
  const blocks = pages.filter((p) => p !== start).map((p) => {
    const f = frame(p);
    if (f.around !== around) throw new Error(`prerendered ${p.route}: the header, footer or <main> tag differ from the start page's; a data block holds only what is inside <main>`);
    return `<script type="text/html" class="app-prerendered" id="app-pre-${esc(p.route)}" data-title="${esc(p.title)}">${f.main}</script>`;
  }).join("\n  ");
  const css = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/i);
  if (!css) throw new Error("index.html has no stylesheet link (the HEAD script goes before it)");
  html = html.replace(css[0], `${MARK}<script>${HEAD}</script>${END}\n  ${css[0]}`);
  const shell = '<div class="app-loading" id="app-loading">';
  if (!html.includes(shell)) throw new Error("index.html has no loading shell");
  html = html.replace(shell, `${MARK}<div id="app-pre" data-title="${esc(start.title)}">${start.html}</div>${END}\n  ${shell}`);
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  return html.replace("</body>", `  ${MARK}\n  ${blocks}\n  <script>${SHOW}</script>\n  ${END}\n</body>`);
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
    pages: pages.map((p) => ({ route: p.route, ...sizes(stored(p)) })),
    script: sizes(HEAD + SHOW),
    indexBefore: sizes(withPages(before, [])),
    indexAfter: sizes(after),
  };
  mkdirSync("target", { recursive: true });
  writeFileSync("target/prerender-sizes.json", JSON.stringify(report, null, 2) + "\n");
  for (const p of report.pages) console.error(`prerender: #${p.route.padEnd(12)} ${kib(p.raw).padStart(6)} KiB raw ${kib(p.gzip).padStart(5)} gzip ${kib(p.brotli).padStart(5)} brotli`);
  console.error(`prerender: index.html ${kib(report.indexBefore.raw)} -> ${kib(report.indexAfter.raw)} KiB raw, ${kib(report.indexBefore.gzip)} -> ${kib(report.indexAfter.gzip)} gzip, ${kib(report.indexBefore.brotli)} -> ${kib(report.indexAfter.brotli)} brotli (${pages.length} pages)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
