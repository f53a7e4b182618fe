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
//    - SHOW, at the end of the body: a returning user gets the page the
//      address names with their saved answers in it (FILL below), where the
//      build found that their answers leave the page's markup as it is, and
//      otherwise keeps the loading shell until the app shows their answers
//      (they never see blanks that then change); anyone else gets the page
//      the address names, in place.
//    Links work at once while nothing has been typed (SHOW shows that page's
//    HTML); a click on a button, or on a link once something has been typed,
//    is held back, the control is marked as waiting, and the app carries it
//    out when it starts (src/web/takeover.rs reads the page, its answers,
//    focus and caret). A link followed before SHOW has run changes the
//    address, and SHOW shows the page it names. Save and continue on a
//    question page with nothing typed shows that page's error summary at
//    once (a block `app-pre-!/b-step-1`, rendered by the app after the
//    app's own Save and continue on the blank page; not when the settings
//    give an organisation type, which a new assessment starts with), and
//    the app does the same Save and continue when it starts; typing after
//    that drops the held click, and the app shows the page's problems for
//    the answers as they then are, without moving focus (ShowIssues). A
//    link to an element on the page (the error summary's, the skip link)
//    moves focus there, not the address.
// 3. For a returning user: the same pages as an older ruleset's assessment
//    or an NHS trust's words them, where that differs (blocks with ids like
//    `app-pre-nhse-2017/b-step-1` and `app-pre-nhse-2022:nhs_trust/b-step-1`),
//    and the data FILL reads (`#app-prefill`: which answers change which
//    page, and where each answer is in the saved document), all found by
//    src/bin/involve_prerender.rs with the app's components and JSON writer.
//    tests/e2e/prefill.test.mjs checks each filled page against the app's.
// 4. Writes each page's size (raw, gzip -9, brotli q11) to
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
// FILL: a returning user's saved answers put into the page the address names,
// where the build found that they look the same there as in the app (the
// `prefill` data, src/bin/involve_prerender.rs). A page without questions
// that every returning user sees alike (the start page with "Continue", the
// statements) is shown as they see it. 0 when it cannot: the saved
// document is not this release's format, the page is not a question page,
// or an answer changes the page's markup (the loading shell is kept then).
// Each box's saved value is also its default (defaultValue, defaultChecked),
// so takeover can tell a saved answer from one changed before the app ran.
const FILL = `function fill(t){try{var doc=JSON.parse(t),P=JSON.parse(d.getElementById("app-prefill").textContent),r="/"+${ROUTE},` +
  `k=doc.ruleset,o=k+":"+val(P.context),deps=(P.pages[o]||{})[r],b,l,i,e,m,x;function by(k){return d.getElementById("app-pre-"+k+r)}` +
  `if(doc.format!==P.format||doc.version!==P.version)return 0;` +
  `if(P.same.indexOf(r)>=0){if(r!="/")show();p.className+=" app-prefilled";return 1}` +
  `if(P.started.indexOf(r)>=0&&(b=by("started"))){put(b);p.className+=" app-prefilled";return 1}` +
  `if(deps)b=by(o)||by(k)||by("");else{deps=(P.pages[k]||{})[r];b=by(k)||by("")}if(!deps||!b)return 0;` +
  `function get(o,k){k=k.split(".");for(var i=0;i<k.length&&o!=null;i++)o=o[k[i]];return o}` +
  `function val(id){return id=="ruleset"?doc.ruleset:get(doc,P.paths[id]||"answers."+id)}` +
  `function has(v){if(v==null||v===""||v===false)return 0;if(typeof v!="object")return 1;for(var k in v)if(has(v[k]))return 1;return 0}` +
  `function on(id,v){var x=val(id);return P.none[id]&&v=="none"?get(doc,P.none[id])===true:x===v||x instanceof Array&&x.indexOf(v)>=0}` +
  `for(i=0;i<deps.length;i++)if(deps[i][1]=="*"?has(val(deps[i][0])):on(deps[i][0],deps[i][1]))return 0;` +
  `put(b);l=p.querySelectorAll("main input,main textarea");` +
  `for(i=0;i<l.length;i++){e=l[i];if(e.type=="radio"||e.type=="checkbox")e.defaultChecked=e.checked=on(e.name,e.value);` +
  `else if(e.type!="file"&&e.id){m=e.id.match(/^(.+)-(day|month|year)$/);x=val(m?m[1]:e.id);if(m&&x&&typeof x=="object")x=x[m[2]];` +
  `if(typeof x=="string")e.defaultValue=e.value=x}}p.className+=" app-prefilled";return 1}catch(e){return 0}}`;
export const SHOW = `(function(d,w){var s=d.getElementById("app-loading"),p=d.getElementById("app-pre"),home,dirty=0,busy,t;if(!s||!p)return;` +
  `try{t=localStorage.getItem("involve.answers")}catch(e){}` +
  `home=p.querySelector("main").innerHTML;` + FILL +
  `function put(b){p.querySelector("main").innerHTML=b.textContent;d.title=b.getAttribute("data-title")}` +
  `function show(){var t=d.getElementById("app-pre-/"+${ROUTE});if(t)put(t);else{p.querySelector("main").innerHTML=home;d.title=p.getAttribute("data-title")}}` +
  `if(t){if(!fill(t)){p.remove();d.documentElement.classList.remove("app-pre-wait");return}dirty=1}else if(${ROUTE})show();` +
  `s.remove();d.documentElement.classList.remove("app-pre-wait");` +
  `function mark(){dirty=1;var n=w.__involvePending;if(n&&n.shown){w.__involvePending=null;w.__involveShown=1}}p.addEventListener("input",mark);p.addEventListener("change",mark);` +
  `function hold(e,el){e.preventDefault();if(busy){busy.classList.remove("app-waiting");busy.removeAttribute("aria-disabled")}` +
  `busy=el;el.classList.add("app-waiting");el.setAttribute("aria-disabled","true");` +
  `w.__involvePending={id:el.id,tag:el.tagName,href:el.getAttribute("href")||"",text:el.textContent}}` +
  `p.addEventListener("click",function(e){var el=e.target.closest("a[href],button");if(!el)return;` +
  `var h=el.getAttribute("href"),t=h&&h[0]=="#"&&h[1]!="/"&&d.getElementById(h.slice(1));` +
  `if(t){e.preventDefault();if(!t.matches("input,textarea,button,a[href],[tabindex]"))t.tabIndex=-1;t.focus();return}` +
  `if(h&&(h.slice(0,2)!="#/"||!dirty))return;if(el.type=="submit"&&el.form)sub(e,el);else hold(e,el)});` +
  `p.addEventListener("submit",function(e){var b=e.target.querySelector("button[type=submit]");if(b)sub(e,b);else e.preventDefault()});` +
  `function sub(e,b){var x=!dirty&&!org()&&d.getElementById("app-pre-!/"+${ROUTE});hold(e,b);` +
  `if(x){put(x);busy=0;dirty=1;w.__involvePending.shown=1;` +
  `x=d.getElementById("error-summary");if(x)x.focus()}}` +
  `function org(){try{return JSON.parse(d.getElementById("involve-settings").textContent).organisation_type}catch(e){return 1}}` +
  `p.addEventListener("dragover",function(e){e.preventDefault()});` +
  `p.addEventListener("drop",function(e){e.preventDefault();var f=e.dataTransfer&&e.dataTransfer.files[0];if(f){w.__involveFile=f;dirty=1}});` +
  `w.addEventListener("hashchange",function(){if(p.isConnected&&!dirty){show();w.scrollTo(0,0);var h=p.querySelector("main h1");if(h)h.focus()}})` +
  `})(document,window)`;

const esc = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Renders the pages with the app's components (native, Yew ssr): `{ pages, variants, prefill }`. */
export function renderPages() {
  const out = execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "involve-prerender"], {
    encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
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

/**
 * index.html with the start page first in the body, the other pages as data
 * blocks (each followed by the same page as an older ruleset's blank
 * assessment, or another organisation's, shows it where that differs: next
 * to each other, gzip stores little more than the difference), the data
 * the FILL part of SHOW reads, and the two scripts.
 */
export function withPages(html, { pages, variants = [], errors = [], prefill = null }) {
  html = withoutPages(html);
  if (!pages.length) return html;
  for (const p of [...pages, ...variants, ...errors]) {
    // A data block ends at the first "</script"; "<!--" inside one changes how it is parsed.
    if (/<script|<\/script|<style|<!--|\son[a-z]+=/i.test(p.html)) throw new Error(`prerendered ${p.route} has an inline script, style, comment or handler`);
  }
  const start = pages.find((p) => p.route === "/");
  if (!start) throw new Error("no prerendered start page (route /)");
  const around = frame(start).around;
  const block = (p, id) => {
    const f = frame(p);
    if (f.around !== around) throw new Error(`prerendered ${id}: the header, footer or <main> tag differ from the start page's; a data block holds only what is inside <main>`);
    return `<script type="text/html" class="app-prerendered" id="app-pre-${esc(id)}" data-title="${esc(p.title)}">${f.main}</script>`;
  };
  const blocks = [start, ...pages.filter((p) => p !== start)].flatMap((p) => [
    ...(p === start ? [] : [block(p, p.route)]),
    ...variants.filter((v) => v.route === p.route).map((v) => block(v, v.key + v.route)),
    ...errors.filter((v) => v.route === p.route).map((v) => block(v, "!" + v.route)),
  ]);
  if (prefill) blocks.push(`<script type="application/json" class="app-prerendered" id="app-prefill">${JSON.stringify(prefill).replace(/</g, "\\u003c")}</script>`);
  const css = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/i);
  if (!css) throw new Error("index.html has no stylesheet link (the HEAD script goes before it)");
  html = html.replace(css[0], `${MARK}<script>${HEAD}</script>${END}\n  ${css[0]}`);
  const shell = '<div class="app-loading" id="app-loading">';
  if (!html.includes(shell)) throw new Error("index.html has no loading shell");
  html = html.replace(shell, `${MARK}<div id="app-pre" data-title="${esc(start.title)}">${start.html}</div>${END}\n  ${shell}`);
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  return html.replace("</body>", `  ${MARK}\n  ${blocks.join("\n  ")}\n  <script>${SHOW}</script>\n  ${END}\n</body>`);
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
  const rendered = renderPages();
  const { pages, variants } = rendered;
  const before = readFileSync(index, "utf8");
  const after = withPages(before, rendered);
  writeFileSync(index, after);
  const report = {
    pages: pages.map((p) => ({ route: p.route, ...sizes(stored(p)) })),
    script: sizes(HEAD + SHOW),
    variants: variants.map((v) => ({ route: v.route, key: v.key, ...sizes(frame(v).main) })),
    errors: rendered.errors.map((v) => ({ route: v.route, ...sizes(frame(v).main) })),
    prefill: sizes(JSON.stringify(rendered.prefill)),
    indexBefore: sizes(withPages(before, { pages: [] })),
    indexAfter: sizes(after),
  };
  mkdirSync("target", { recursive: true });
  writeFileSync("target/prerender-sizes.json", JSON.stringify(report, null, 2) + "\n");
  for (const p of report.pages) console.error(`prerender: #${p.route.padEnd(12)} ${kib(p.raw).padStart(6)} KiB raw ${kib(p.gzip).padStart(5)} gzip ${kib(p.brotli).padStart(5)} brotli`);
  console.error(`prerender: ${variants.length} pages as an older ruleset or another organisation's wording shows them, ${kib(report.variants.reduce((n, v) => n + v.raw, 0))} KiB raw; prefill data ${kib(report.prefill.raw)} KiB raw; ${report.errors.length} pages after a blank Save and continue, ${kib(report.errors.reduce((n, v) => n + v.raw, 0))} KiB raw`);
  console.error(`prerender: index.html ${kib(report.indexBefore.raw)} -> ${kib(report.indexAfter.raw)} KiB raw, ${kib(report.indexBefore.gzip)} -> ${kib(report.indexAfter.gzip)} gzip, ${kib(report.indexBefore.brotli)} -> ${kib(report.indexAfter.brotli)} brotli (${pages.length} pages)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
