// How the app is delivered: relative URLs for hosting under any path, and one
// self-contained file that runs from disk with the network off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, OFFLINE_FILE, launch, openTarget, withTarget, APP_READY } from "./harness.mjs";
import { serveDir } from "./server.mjs";

const H1 = "Involve: assess and plan public involvement";

/** Every src/href attribute value in an HTML file that the page loads: not
 *  the links a person may follow (`<a href>`), which the prerendered pages
 *  have (the accessibility statement links to AbilityNet and the EHRC). */
const urls = (html) =>
  [...html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)]
    .filter((m) => m[1].toLowerCase() !== "a")
    .map((m) => m[2]);

/** The links a person may follow: in the app, fragments; elsewhere only https, or the offline copy beside the page. */
function assertLinks(html, where) {
  for (const m of html.matchAll(/<a\b[^>]*?\shref\s*=\s*["']?([^"'\s>]*)/gi)) {
    const u = m[1];
    assert.ok(u.startsWith("#") || u.startsWith("https://") || u === "involve-offline.html" || u.startsWith("mailto:") || u.startsWith("tel:"), `${where}: link to ${u}`);
  }
}

test("dist/index.html refers to its assets by relative URLs only", () => {
  const found = urls(readFileSync(join(DIST, "index.html"), "utf8"));
  assert.ok(found.some((u) => u.endsWith(".css")), "links a stylesheet");
  for (const u of found) {
    assert.ok(u.startsWith("./") || u.startsWith("data:") || u.startsWith("#"), `not relative: ${u}`);
  }
  assertLinks(readFileSync(join(DIST, "index.html"), "utf8"), "index.html");
  const loader = readFileSync(join(DIST, "index.html"), "utf8").match(/from '([^']+)'/)[1];
  assert.ok(loader.startsWith("./"), `the module import is relative: ${loader}`);
});

test("hosted: dist/ works when served under a sub-path (/intranet/tools/involve/)", () =>
  withTarget(
    "hosted",
    async (page, session) => {
      assert.equal((await page.textContent("main h1")).trim(), H1);
      const paths = session.server.requests.map((u) => new URL(u, "http://x").pathname);
      assert.ok(paths.some((p) => p.endsWith(".wasm")), "the wasm came from the sub-path");
      for (const p of paths) assert.ok(p.startsWith("/intranet/tools/involve/"), `request outside the sub-path: ${p}`);
    },
    { base: "/intranet/tools/involve/" },
  ));

test("hosted: the server sends wasm as application/wasm", () =>
  withTarget("hosted", async (page, session) => {
    const wasm = session.server.requests.find((u) => u.endsWith(".wasm"));
    const res = await page.request.get(new URL(wasm, session.url).href);
    assert.equal(res.headers()["content-type"], "application/wasm");
  }));

test("offline: the file has no reference to anything outside itself", () => {
  const html = readFileSync(OFFLINE_FILE, "utf8");
  for (const u of urls(html)) assert.ok(u.startsWith("#") || u.startsWith("data:"), `external reference: ${u}`);
  assertLinks(html, "the offline file");
  assert.doesNotMatch(html, /href="involve-offline\.html"/, "the offline file does not offer to save itself");
  assert.doesNotMatch(html, /<link\b[^>]*rel="(stylesheet|modulepreload|preload)"/);
  assert.doesNotMatch(html, /\bimport\s*\(|^\s*import\s/m, "no module imports");
  // The boot code is minified: the gzip'd wasm is inflated in the page and handed to initSync({module}).
  assert.match(html, /new DecompressionStream\("gzip"\)/);
  assert.match(html, /\(\{module:\w+\}\)/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
});

test("offline: the start page runs from file:// with the network off", () =>
  withTarget(
    "offline",
    async (page, session) => {
      assert.equal((await page.textContent("main h1")).trim(), H1);
      // The browser really is offline: a fetch to a loopback address fails.
      const online = await page.evaluate(() => navigator.onLine);
      assert.equal(online, false);
      assert.equal(session.problems.length, 0, session.problems.join("\n"));
    },
    { network: "off" },
  ));

test("offline: the file also runs with the network on, making no request but itself", () =>
  withTarget("offline", async (page) => {
    assert.equal((await page.textContent("main h1")).trim(), H1);
  }, { network: "on" }));

test("hosted: while the wasm loads, a returning user on a page that depends on their answers (the task list) sees the NHS header and 'Loading Involve' (not blank prerendered pages); the app then replaces them", async () => {
  const server = await serveDir(DIST);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const saved = readFileSync(join(DIST, "..", "tests", "fixtures", "complete.json"), "utf8");
    await page.addInitScript((text) => { if (!localStorage.getItem("involve.answers")) localStorage.setItem("involve.answers", text); }, saved);
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${server.url}#/tasks`, { waitUntil: "domcontentloaded" });
    assert.equal((await page.textContent('#app-loading [role="status"]')).trim(), "Loading Involve\u2026");
    assert.ok(await page.isVisible("#app-loading .nhsuk-header__logo"), "the header shows while loading");
    assert.equal(await page.locator("#app-pre").count(), 0, "no prerendered page for a returning user");
    release();
    await page.waitForSelector(APP_READY);
    assert.equal(await page.locator("#app-loading").count(), 0, "the shell is gone once the app runs");
    assert.equal(await page.locator('header[role="banner"]').count(), 1, "one header, the app's");
  } finally {
    await browser.close();
    await server.close();
  }
});
