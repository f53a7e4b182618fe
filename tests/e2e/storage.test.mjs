// Storage faults, end to end on both targets: no storage at all (a sandboxed
// iframe), a full quota, a corrupt saved draft, two tabs editing, and a
// reload straight after typing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, OFFLINE_FILE, ROOT, TARGETS, axeViolations, openPage, withTarget, APP_READY } from "./harness.mjs";
import { serveDir } from "./server.mjs";
import { download, go, h1 } from "./app.mjs";

const KEY = "involve.answers";
const ASIDE = "involve.answers.unreadable";
const COMPLETE = readFileSync(join(ROOT, "tests", "fixtures", "complete.json"), "utf8");

/** Waits past the 300 ms autosave debounce. */
const settle = (page) => page.waitForTimeout(450);

/**
 * Opens the app inside `<iframe sandbox="allow-scripts allow-downloads">` (no
 * allow-same-origin, so localStorage throws) and returns [session, frame].
 */
async function openSandboxed(target) {
  const dir = mkdtempSync(join(tmpdir(), "involve-sandbox-"));
  const wrapper = (src) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,"></head>` +
    `<body><main><h1>Intranet page</h1><iframe sandbox="allow-scripts allow-downloads" src="${src}" title="Involve" width="1000" height="700"></iframe></main></body></html>`;
  let session;
  let server;
  if (target === "hosted") {
    symlinkSync(DIST, join(dir, "app"));
    writeFileSync(join(dir, "index.html"), wrapper("app/index.html"));
    server = await serveDir(dir, { cors: true });
    session = await openPage(server.url, { allow: (u) => u.origin === server.origin, ready: "main h1" });
  } else {
    writeFileSync(join(dir, "index.html"), wrapper(pathToFileURL(OFFLINE_FILE).href));
    const own = pathToFileURL(join(dir, "index.html")).href;
    session = await openPage(own, {
      allow: (u) => u.protocol === "file:" && [own, pathToFileURL(OFFLINE_FILE).href].includes(`file://${u.pathname}`),
      network: "off",
      ready: "main h1",
    });
  }
  const close = session.close;
  session.close = async () => {
    await close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const frame = session.page.frames().find((f) => f !== session.page.mainFrame());
  await frame.waitForSelector(APP_READY, { timeout: 20_000 });
  return [session, frame];
}

for (const target of TARGETS) {
  test(`${target}: in a sandboxed iframe (localStorage throws) the app works, says autosave is off and points to Download`, async () => {
    const [session, frame] = await openSandboxed(target);
    try {
      assert.equal(await frame.evaluate(() => { try { localStorage; return "storage"; } catch { return "throws"; } }), "throws");
      const notice = await frame.textContent("#storage-status");
      assert.match(notice, /Autosave is off/);
      assert.match(notice, /Download your answers/);
      await frame.click("#start-now");
      await frame.waitForSelector("#task-progress");
      assert.match(await frame.textContent("#storage-status"), /Autosave is off/);
      // By links and buttons only: a file in a sandboxed iframe cannot change its own address.
      await frame.getByRole("link", { name: "Step 1: Describe the activity" }).click();
      await frame.fill('[id="b.title"]', "Sandboxed title");
      await frame.getByRole("button", { name: "Save and continue" }).click();
      await frame.waitForSelector("#error-summary");
      await frame.getByRole("link", { name: "Back to task list" }).first().click();
      // The notice's link leads to the Download button.
      await frame.getByRole("link", { name: "Download your answers" }).click();
      await frame.waitForSelector("#download");
      const [dl] = await Promise.all([session.page.waitForEvent("download"), frame.click("#download")]);
      const doc = JSON.parse(readFileSync(await dl.path(), "utf8"));
      assert.equal(doc.answers.b.title, "Sandboxed title");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a full quota: the app keeps working and says autosave has stopped`, () =>
    withTarget(target, async (page) => {
      await page.context().addInitScript(() => {
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === "involve.answers") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return real.call(this, key, value);
        };
      });
      await page.reload();
      await page.waitForSelector(APP_READY);
      await page.click("#start-now");
      await go(page, "#/b-step-1");
      await page.fill('[id="b.title"]', "Quota title");
      await settle(page);
      const notice = await page.textContent("#storage-status");
      assert.match(notice, /Autosave has stopped/);
      assert.match(notice, /Download your answers/);
      assert.deepEqual(await axeViolations(page), []);
      // Still working: the page goes on and the answers are there to download.
      await page.fill('[id="b.location"]', "Riverside");
      await page.fill('[id="b.description"]', "Description");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.waitForSelector("#task-progress");
      assert.match(await page.textContent("#storage-status"), /Autosave has stopped/);
      await go(page, "#/check");
      assert.equal(JSON.parse((await download(page)).text).answers.b.title, "Quota title");
    }));

  test(`${target}: corrupt saved answers (garbage, wrong types, a newer version) are set aside, reported and downloadable`, () =>
    withTarget(target, async (page) => {
      const wrongTypes = COMPLETE.replace('"body": "ccg"', '"body": 5');
      const newer = COMPLETE.replace('"version": 2', '"version": 99');
      assert.notEqual(wrongTypes, COMPLETE);
      assert.notEqual(newer, COMPLETE);
      for (const [what, raw, reason] of [
        ["garbage", "{not json at all", /not in JSON format/],
        ["wrong types", wrongTypes, /./],
        ["a newer version", newer, /newer version of Involve/],
      ]) {
        await go(page, "#/");
        await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, raw]);
        await page.reload();
        await page.waitForSelector("#restore-problem");
        assert.equal(await h1(page), "Involve: assess and plan public involvement", what);
        const text = await page.textContent("#restore-problem");
        assert.match(text, /Your saved answers could not be restored/, what);
        assert.match(text, reason, what);
        assert.deepEqual(await axeViolations(page), [], what);
        const stored = await page.evaluate(([k, a]) => [localStorage.getItem(k), localStorage.getItem(a)], [KEY, ASIDE]);
        assert.deepEqual(stored, [null, raw], `${what}: set aside under ${ASIDE}`);
        assert.equal((await download(page, "#download-unreadable")).text, raw, `${what}: offered as a download`);
        // The app works, and autosave does not touch the set-aside text.
        await page.click("#start-now");
        await go(page, "#/b-step-1");
        await page.fill('[id="b.title"]', `New start after ${what}`);
        await settle(page);
        const after = await page.evaluate(([k, a]) => [localStorage.getItem(k), localStorage.getItem(a)], [KEY, ASIDE]);
        assert.match(after[0], new RegExp(`New start after ${what}`));
        assert.equal(after[1], raw);
      }
    }));

  test(`${target}: two tabs: when tab B saves, tab A is asked and nothing is overwritten silently`, () =>
    withTarget(target, async (a, session) => {
      await a.click("#start-now");
      await go(a, "#/b-step-1");
      await a.fill('[id="b.title"]', "Title from A");
      await settle(a);
      const b = await session.context.newPage();
      b.on("console", (m) => m.type() === "error" && session.problems.push(`tab B console error: ${m.text()}`));
      b.on("pageerror", (e) => session.problems.push(`tab B page error: ${e.message}`));
      await b.goto(a.url().replace(/#.*$/, "") + "#/b-step-1");
      await b.waitForSelector('[id="b.title"]');
      assert.equal(await b.inputValue('[id="b.title"]'), "Title from A", "tab B starts from the saved answers");
      await b.fill('[id="b.title"]', "Title from B");
      await settle(b);
      // Tab A is told and asked; its answers are untouched.
      await a.waitForSelector("#confirm");
      assert.match(await a.textContent("#confirm"), /changed in another tab or window/);
      assert.equal(await a.inputValue('[id="b.title"]'), "Title from A");
      assert.deepEqual(await axeViolations(a), []);
      // While A has not chosen, its edits do not overwrite B's saved answers.
      await a.fill('[id="b.location"]', "Typed in A while asked");
      await settle(a);
      assert.match(await a.evaluate((k) => localStorage.getItem(k), KEY), /Title from B/);
      // A keeps its own answers: saved, and B is asked in turn.
      await a.click("#confirm-no");
      await settle(a);
      const saved = await a.evaluate((k) => localStorage.getItem(k), KEY);
      assert.match(saved, /Title from A/);
      assert.match(saved, /Typed in A while asked/);
      await b.waitForSelector("#confirm");
      await b.click("#confirm-yes");
      await b.waitForSelector("#notice");
      assert.equal(await b.inputValue('[id="b.title"]'), "Title from A");
      assert.equal(await b.inputValue('[id="b.location"]'), "Typed in A while asked");
      await settle(b);
      assert.equal(await a.locator("#confirm").count(), 0, "using A's answers in B does not ask A again");
      await b.close();
    }));

  test(`${target}: reloading straight after typing (before the autosave delay) loses nothing`, () =>
    withTarget(target, async (page) => {
      await page.click("#start-now");
      await go(page, "#/b-step-1");
      const t0 = Date.now();
      await page.fill('[id="b.description"]', "Typed just before a reload");
      await page.reload();
      const elapsed = Date.now() - t0;
      await page.waitForSelector('[id="b.description"]');
      assert.equal(await page.inputValue('[id="b.description"]'), "Typed just before a reload", `reloaded ${elapsed} ms after typing`);
      // Also typing then closing the tab (pagehide).
      await page.fill('[id="b.description"]', "Typed just before closing");
      const url = page.url();
      const other = await page.context().newPage();
      await page.close({ runBeforeUnload: true });
      await other.goto(url);
      await other.waitForSelector('[id="b.description"]');
      assert.equal(await other.inputValue('[id="b.description"]'), "Typed just before closing");
    }));
}
