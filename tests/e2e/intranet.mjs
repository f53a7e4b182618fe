// Helpers for the intranet tests: a copy of dist/ with an edited
// organisation settings block, and a REAL cross-origin host page
// (dist/host-example.html on one 127.0.0.1 port, Involve on another).
// Not a test file itself.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, openPage } from "./harness.mjs";
import { serveDir } from "./server.mjs";

const BLOCK = /(<script type="application\/json" id="involve-settings">)([\s\S]*?)(<\/script>)/;

/** Replaces the settings block's text in an HTML file (as an admin would in a text editor). */
export function editSettings(file, settings) {
  const html = readFileSync(file, "utf8");
  if (!BLOCK.test(html)) throw new Error(`${file} has no settings block`);
  const text = typeof settings === "string" ? settings : JSON.stringify(settings, null, 2);
  writeFileSync(file, html.replace(BLOCK, (_, open, _old, close) => `${open}\n${text}\n  ${close}`));
}

/** A throw-away copy of dist/ (without the .gz/.br siblings) with its settings edited in both pages. */
export function distCopy(settings) {
  const dir = mkdtempSync(join(tmpdir(), "involve-dist-"));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !/\.(gz|br)$/.test(src) });
  if (settings !== undefined) {
    editSettings(join(dir, "index.html"), settings);
    editSettings(join(dir, "involve-offline.html"), settings);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Records every message the top page receives, before the page's own script runs. */
function recordMessages() {
  if (window === window.top) {
    window.__raw = [];
    window.addEventListener("message", (e) => window.__raw.push({ origin: e.origin, data: e.data }));
  }
}

/**
 * Involve (from `copy.dir`) on one origin, and the example host page on
 * another, opened in the browser; `allowHost(hostOrigin)` returns the
 * settings to write before Involve is served (null: leave the copy as it is).
 * Returns the session plus `frame()` (Involve's frame), `raw()` (every
 * message the host page received) and `involve`, `host` (the servers).
 */
export async function openHost({ settingsFor = null, hostDist = DIST } = {}) {
  const copy = distCopy();
  const involve = await serveDir(copy.dir);
  const host = await serveDir(hostDist);
  if (settingsFor) {
    const s = settingsFor(host.origin);
    editSettings(join(copy.dir, "index.html"), s);
  }
  const origins = [involve.origin, host.origin];
  let session;
  try {
    session = await openPage(`${host.url}host-example.html?involve=${encodeURIComponent(involve.url)}`, {
      allow: (u) => origins.includes(u.origin),
      ready: "#involve",
      init: recordMessages,
    });
  } catch (err) {
    await involve.close();
    await host.close();
    copy.remove();
    throw err;
  }
  const { page } = session;
  const frame = () => page.frames().find((f) => f.url().startsWith(involve.origin));
  await page.waitForFunction(() => document.getElementById("involve").contentWindow.length >= 0);
  for (let i = 0; i < 200 && !frame(); i++) await page.waitForTimeout(50);
  await frame().waitForSelector("main h1", { timeout: 20_000 });
  const close = session.close;
  return Object.assign(session, {
    frame,
    involve,
    host,
    raw: () => page.evaluate(() => window.__raw),
    /** The messages from Involve's origin, in order. */
    fromInvolve: async () => (await page.evaluate(() => window.__raw)).filter((m) => m.origin === involve.origin).map((m) => m.data),
    close: async () => {
      await close();
      await involve.close();
      await host.close();
      copy.remove();
    },
  });
}

/** Waits until a message from Involve matches `pred` (a function over the message, run in Node). */
export async function waitForMessage(session, pred, { timeout = 10_000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = (await session.fromInvolve()).find(pred);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no matching message from Involve within ${timeout} ms; got ${JSON.stringify(await session.fromInvolve()).slice(0, 1500)}`);
    await session.page.waitForTimeout(100);
  }
}

/** Sends a command from the host page to Involve (as the example page's `send` does). */
export const send = (session, command) => session.page.evaluate((c) => window.send(c), command);
