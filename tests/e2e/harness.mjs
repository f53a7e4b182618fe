// Shared harness for every end-to-end test.
//
// It drives Debian's Chromium (/usr/bin/chromium) with playwright-core and a
// fresh profile per session, opens one of the two TARGETS, and collects
// "problems" while the test runs:
//   - a request to anywhere but the page's own origin and base path (hosted)
//     or its own file (offline); data: and blob: are allowed. Such requests
//     are also aborted, so nothing ever leaves the machine;
//   - a failed request or an HTTP error status;
//   - a console error, an uncaught page error, a Content-Security-Policy violation.
// `withTarget` fails the test if any were seen. Typical use:
//
//   import { test } from "node:test";
//   import assert from "node:assert/strict";
//   import { TARGETS, withTarget } from "./harness.mjs";
//
//   for (const target of TARGETS) {
//     test(`${target}: the start page has its heading`, () =>
//       withTarget(target, async (page) => {
//         assert.equal(await page.textContent("h1"), "Involve: ...");
//       }));
//   }
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

const require = createRequire(import.meta.url);

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const OFFLINE_FILE = join(DIST, "involve-offline.html");
export const OUT = join(ROOT, "tests", "e2e", "out");

/** The two ways the app is delivered: dist/ over HTTP, and the one offline file over file://. */
export const TARGETS = Object.freeze(["hosted", "offline"]);

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
]);

/**
 * Selector that shows the app has started (the Yew app rendered its page heading).
 * Not `main h1` alone: index.html shows the prerendered page (inside `#app-pre`)
 * before the wasm has arrived; the app renders straight into <body>.
 */
export const APP_READY = "body > .nhsuk-width-container main h1";

/**
 * Launches Chromium with a fresh, throw-away profile.
 * @param {{ network?: "on" | "off" }} [options] "off": no network at all (offline
 *   context, and host names resolve to nothing)
 */
export async function launch({ network = "on" } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh`);
  const userDataDir = mkdtempSync(join(tmpdir(), "involve-e2e-profile-"));
  const args = [...CHROMIUM_FLAGS];
  if (network === "off") args.push("--host-resolver-rules=MAP * ~NOTFOUND");
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    offline: network === "off",
    acceptDownloads: true,
    viewport: { width: 1024, height: 768 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a fresh browser and records problems (see the top of this file).
 * @param {string} url
 * @param {{ allow: (url: URL) => boolean, network?: "on" | "off", ready?: string | null, init?: Function | null }} options
 *   allow: which requests are the page's own; ready: selector to wait for (null: none);
 *   init: a script to run in every frame before the page's own (context.addInitScript)
 */
export async function openPage(url, { allow, network = "on", ready = APP_READY, init = null, holdWasm = false, saved = null } = {}) {
  const browser = await launch({ network });
  const { context } = browser;
  const problems = [];
  const isAllowed = (raw) => {
    const u = new URL(raw);
    return u.protocol === "data:" || u.protocol === "blob:" || u.href === "about:blank" || allow(u);
  };

  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (isAllowed(u)) return route.continue();
    problems.push(`request outside the app (blocked): ${u}`);
    return route.abort("blockedbyclient");
  });
  context.on("request", (req) => {
    const u = req.url();
    if (!isAllowed(u) && !problems.some((p) => p.endsWith(u))) problems.push(`request outside the app: ${u}`);
  });
  context.on("requestfailed", (req) => {
    if (isAllowed(req.url())) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  context.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  // Collected in the page; init scripts are not subject to the page's CSP.
  await context.addInitScript(() => {
    window.__involveCspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__involveCspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });

  if (init) await context.addInitScript(init);
  // holdWasm: the app's wasm is held back until session.releaseWasm(), to see
  // the page as it is before the app starts. Hosted: the .wasm response
  // waits. Offline (the wasm is inside the file): the boot script's
  // Response.arrayBuffer() of the inflated wasm waits.
  let releaseHosted = () => {};
  if (holdWasm) {
    const held = new Promise((r) => (releaseHosted = r));
    await context.route(/\.wasm$/, async (route) => { await held; await route.fallback().catch(() => {}); });
    await context.addInitScript(() => {
      const real = Response.prototype.arrayBuffer;
      let release;
      const held = new Promise((r) => (release = r));
      window.__involveReleaseWasm = release;
      Response.prototype.arrayBuffer = async function () { await held; return real.call(this); };
    });
  }

  // saved: a document in this browser's storage before the page loads, as autosave leaves it (a returning user).
  if (saved) await context.addInitScript((text) => { if (!localStorage.getItem("involve.answers")) localStorage.setItem("involve.answers", text); }, saved);

  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));

  const session = {
    page,
    context,
    problems,
    /** Adds the page's CSP violations to `problems` and returns every problem seen so far. */
    async collect() {
      const csp = await page.evaluate(() => window.__involveCspViolations ?? []).catch(() => []);
      for (const v of csp) if (!problems.includes(`CSP violation: ${v}`)) problems.push(`CSP violation: ${v}`);
      return problems;
    },
    /** Throws if any problem was seen. */
    async assertClean() {
      const all = await session.collect();
      if (all.length) throw new Error(`the page had ${all.length} problem(s):\n  ${all.join("\n  ")}`);
    },
    close: () => browser.close(),
    /** Lets the held-back wasm through (see holdWasm). */
    async releaseWasm() {
      releaseHosted();
      await page.evaluate(() => window.__involveReleaseWasm && window.__involveReleaseWasm());
    },
  };
  try {
    await page.goto(url, { waitUntil: holdWasm ? "domcontentloaded" : "load" });
    if (ready) await page.waitForSelector(ready, { timeout: 20_000 });
  } catch (err) {
    const seen = await session.collect().catch(() => problems);
    await browser.close();
    throw new Error(`${err.message}\nproblems seen while loading ${url}:\n  ${seen.join("\n  ") || "(none)"}`);
  }
  return session;
}

/**
 * Opens the app as delivered by `target`.
 * @param {"hosted" | "offline"} target
 * @param {{ base?: string, network?: "on" | "off", ready?: string | null, dist?: string }} [options]
 *   base: the path dist/ is served under (hosted only), e.g. "/intranet/tools/involve/"
 */
export async function openTarget(target, { base = "/", network, ready, dist = DIST, hash = "", holdWasm = false, saved = null, init = null, trickle = false } = {}) {
  if (target === "hosted") {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}/index.html is missing: run make dist`);
    const server = await serveDir(dist, { base, trickle });
    const origin = server.origin;
    let session;
    try {
      session = await openPage(server.url + hash, {
        allow: (u) => u.origin === origin && u.pathname.startsWith(base),
        network: network ?? "on",
        ready,
        holdWasm,
        saved,
        init,
      });
    } catch (err) {
      await server.close();
      throw err;
    }
    const close = session.close;
    return Object.assign(session, { target, url: server.url, server, close: async () => { await close(); await server.close(); } });
  }
  if (target === "offline") {
    const file = join(dist, "involve-offline.html");
    if (!existsSync(file)) throw new Error(`${file} is missing: run make dist`);
    const fileUrl = pathToFileURL(file).href;
    const session = await openPage(fileUrl + hash, {
      allow: (u) => u.protocol === "file:" && `file://${u.pathname}` === fileUrl,
      network: network ?? "off",
      ready,
      holdWasm,
      saved,
      init,
    });
    return Object.assign(session, { target, url: fileUrl });
  }
  throw new Error(`unknown target ${target}; expected one of ${TARGETS.join(", ")}`);
}

/**
 * Opens `target`, runs `fn(page, session)`, then fails if the page had any problem.
 * The browser is always closed.
 */
export async function withTarget(target, fn, options = {}) {
  const session = await openTarget(target, options);
  try {
    await fn(session.page, session);
    await session.assertClean();
  } finally {
    await session.close();
  }
}

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) on the page and returns its violations
 * as readable strings. Injected through the DevTools protocol, so the page's CSP
 * does not block it.
 */
export async function axeViolations(page, { tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"], exclude = [] } = {}) {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(`${source}\n;0`);
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const result = await window.axe.run({ exclude: exclude.map((s) => [s]) }, { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    },
    { tags, exclude },
  );
  return violations;
}

/** Saves a full-page screenshot to tests/e2e/out/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
