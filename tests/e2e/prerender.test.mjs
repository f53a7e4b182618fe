// The prerendered first screens (scripts/prerender.mjs) and the app taking
// over from them (src/web/takeover.rs), on both outputs, with the wasm held
// back: the page the address names shows and takes answers at once; when the
// wasm is released every answer is in the app's state (check answers shows
// it, the downloaded file has it), focus and caret stay, nothing moves; a
// click made before is carried out; a returning user sees their saved
// answers in a question page (tests/e2e/prefill.test.mjs compares each such
// page with the app's) and never prerendered blanks. The harness fails a test on any console
// error, CSP violation or request outside the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_READY, DIST, OFFLINE_FILE, ROOT, TARGETS, openTarget } from "./harness.mjs";
import { download } from "./app.mjs";

const PRE = "#app-pre";
const COMPLETE = readFileSync(join(ROOT, "tests", "fixtures", "complete.json"), "utf8");

/** Where these elements are on screen (and the scroll position). */
const positions = (page, selectors) =>
  page.evaluate((sels) => ({
    scroll: [scrollX, scrollY],
    at: sels.map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; }),
  }), selectors);

/** Opens `hash` with the wasm held back and checks the prerendered page is what shows. */
async function openHeld(target, hash, h1) {
  const session = await openTarget(target, { hash, holdWasm: true, ready: `${PRE} main h1` });
  const { page } = session;
  assert.equal((await page.textContent(`${PRE} main h1`)).trim(), h1);
  assert.equal(await page.locator("#app-loading").count(), 0, "the loading shell made way for the page");
  assert.equal(await page.locator(APP_READY).count(), 0, "the app has not started");
  return session;
}

/** Releases the wasm and waits until the app has replaced the prerendered page. */
async function release(session) {
  await session.releaseWasm();
  await session.page.waitForSelector(APP_READY);
  assert.equal(await session.page.locator(PRE).count(), 0);
}

/** The answers in the file the check-answers page downloads. */
async function downloaded(page) {
  await page.evaluate(() => { location.hash = "#/check"; });
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Check your answers");
  const { text } = await download(page, "#download");
  return JSON.parse(text).answers;
}

for (const target of TARGETS) {
  test(`${target}: a bookmarked question page shows before the wasm; a text box and a textarea typed into are kept with focus, caret and layout`, async () => {
    const session = await openHeld(target, "#/b-step-1", "Step 1: Describe the activity");
    const { page } = session;
    try {
      assert.equal(await page.title(), "Step 1: Describe the activity \u2013 Involve");
      await page.fill('[id="b.location"]', "Leeds");
      await page.fill('[id="b.description"]', "Moving the podiatry clinic");
      await page.click('[id="b.title"]');
      await page.keyboard.type("Podiatry move");
      await page.evaluate(() => document.getElementById("b.title").setSelectionRange(3, 7));
      const sels = ["main h1", '[id="b.location"]', '[id="b.title"]', '[id="b.description"]', "form.app-question-form button[type=submit]", "footer"];
      const before = await positions(page, sels);

      await release(session);
      assert.deepEqual(await positions(page, sels), before, "nothing moved");
      const focus = await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart, document.activeElement.selectionEnd]);
      assert.deepEqual(focus, ["b.title", 3, 7], "focus and selection stayed");
      assert.equal(await page.inputValue('[id="b.location"]'), "Leeds");
      assert.equal(await page.inputValue('[id="b.description"]'), "Moving the podiatry clinic");
      // Typing goes on where it was, into the app.
      await page.keyboard.type("X");
      assert.equal(await page.inputValue('[id="b.title"]'), "PodXy move");

      const a = await downloaded(page);
      assert.equal(a.b.location, "Leeds");
      assert.equal(a.b.title, "PodXy move");
      assert.equal(a.b.description, "Moving the podiatry clinic");
      const shown = await page.locator(".nhsuk-summary-list__value").allTextContents();
      for (const v of ["Leeds", "PodXy move", "Moving the podiatry clinic"]) assert.ok(shown.includes(v), `check answers shows ${v}`);
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: radios and a textarea answered before the wasm are kept, in the state and on screen`, async () => {
    const session = await openHeld(target, "#/screening/impact", "Step 3: what impact will it have?");
    const { page } = session;
    try {
      await page.check('input[name="screening.impact_delivery"][value="no"]');
      await page.check('input[name="screening.impact_range"][value="no"]');
      await page.fill('[id="screening.impact_other"]', "Fewer clinics");
      await page.focus('[id="screening.impact_other"]');
      await page.evaluate(() => document.getElementById("screening.impact_other").setSelectionRange(6, 6));
      await page.evaluate(() => window.scrollTo(0, 100));
      const sels = ["main h1", '[id="screening.impact_delivery"]', '[id="screening.impact_other"]'];
      const before = await positions(page, sels);

      await release(session);
      assert.deepEqual(await positions(page, sels), before, "nothing above the answers moved, nor the scroll position");
      assert.deepEqual(await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]), ["screening.impact_other", 6]);
      assert.ok(await page.isChecked('input[name="screening.impact_delivery"][value="no"]'));
      assert.ok(await page.isChecked('input[name="screening.impact_range"][value="no"]'));
      assert.equal(await page.inputValue('[id="screening.impact_other"]'), "Fewer clinics");

      const a = await downloaded(page);
      assert.equal(a.screening.impact_delivery, "no");
      assert.equal(a.screening.impact_range, "no");
      assert.equal(a.screening.impact_other, "Fewer clinics");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a checkbox ticked before the wasm is kept`, async () => {
    const session = await openHeld(target, "#/screening/patients", "From the perspective of patients, could any of these matters be affected?");
    const { page } = session;
    try {
      const tick = await page.getAttribute('input[name="screening.patient_matters"]', "value");
      await page.check(`input[name="screening.patient_matters"][value="${tick}"]`);
      await release(session);
      assert.ok(await page.isChecked(`input[name="screening.patient_matters"][value="${tick}"]`));
      const a = await downloaded(page);
      assert.deepEqual(a.screening.patient_matters, [tick]);
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: Save and continue clicked before the wasm waits visibly, then is carried out with the answers given`, async () => {
    const session = await openHeld(target, "#/b-step-1", "Step 1: Describe the activity");
    const { page } = session;
    try {
      await page.fill('[id="b.location"]', "Leeds");
      await page.click("form.app-question-form button[type=submit]");
      assert.equal(await page.getAttribute(`${PRE} form.app-question-form button[type=submit]`, "aria-disabled"), "true");
      assert.ok(await page.locator(`${PRE} .app-waiting`).count() === 1, "the button shows it is waiting");
      assert.ok(page.url().endsWith("#/b-step-1"), "the form was not submitted by the browser");
      await release(session);
      // Carried out once, by the app: Step 1 still lacks a title and description.
      await page.waitForSelector("#error-summary");
      const errors = await page.locator("#error-summary li").allTextContents();
      assert.equal(errors.length, 2, errors.join(" | "));
      assert.equal(await page.inputValue('[id="b.location"]'), "Leeds");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: links work before the wasm (the start page leads on), and the app opens where the user is`, async () => {
    const session = await openHeld(target, "", "Involve: assess and plan public involvement");
    const { page } = session;
    try {
      await page.click("#start-now");
      await page.waitForFunction(() => document.querySelector("#app-pre main h1")?.textContent === "Assess and plan public involvement");
      await page.click('a[href="#/b-step-1"]');
      await page.waitForFunction(() => document.querySelector("#app-pre main h1")?.textContent === "Step 1: Describe the activity");
      await page.fill('[id="b.title"]', "A title");
      await release(session);
      assert.equal((await page.textContent("main h1")).trim(), "Step 1: Describe the activity");
      assert.equal(await page.inputValue('[id="b.title"]'), "A title");
      await page.goBack();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Assess and plan public involvement");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a returning user on a question page sees their saved answers in it before the wasm, never blanks and never the start page`, async () => {
    const session = await openTarget(target, { hash: "#/b-step-1", ready: `${PRE}.app-prefilled main h1`, holdWasm: true, saved: COMPLETE, init: watchStartPage, trickle: true });
    const { page } = session;
    try {
      const saved = JSON.parse(COMPLETE).answers.b;
      assert.equal(await page.inputValue(`${PRE} [id="b.location"]`), saved.location);
      assert.equal(await page.inputValue(`${PRE} [id="b.description"]`), saved.description);
      assert.equal(await page.locator("#app-loading").count(), 0);
      await release(session);
      assert.equal(await page.inputValue('[id="b.location"]'), saved.location);
      assert.equal(await page.evaluate(() => window.__startSeen), 0, "the prerendered start page was never on screen");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a returning user at the start page's address sees it as the app shows them ("Continue") before the wasm, never the new user's`, async () => {
    const session = await openTarget(target, { hash: "", ready: `${PRE}.app-prefilled #start-now`, holdWasm: true, saved: COMPLETE, init: watchStartPage, trickle: true });
    const { page } = session;
    try {
      assert.equal((await page.textContent(`${PRE} #start-now`)).trim(), "Continue");
      assert.equal(await page.locator(`${PRE} #delete-saved`).count(), 1, "the saved answers can be deleted");
      await page.click(`${PRE} #start-now`);
      assert.equal(await page.locator(`${PRE} #start-now.app-waiting`).count(), 1, "the click waits for the app");
      await release(session);
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Assess and plan public involvement");
      assert.equal(await page.evaluate(() => window.__startSeen), 0, "the new user's start page was never on screen");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a returning user on a page that depends on their answers (the task list) keeps the loading shell until the app shows it`, async () => {
    const session = await openTarget(target, { hash: "#/tasks", ready: null, holdWasm: true, saved: COMPLETE, init: watchStartPage, trickle: true });
    const { page } = session;
    try {
      await page.waitForSelector("#app-loading");
      await page.waitForLoadState("domcontentloaded");
      assert.equal(await page.locator(PRE).count(), 0, "no prerendered page");
      await session.releaseWasm();
      await page.waitForSelector(APP_READY);
      assert.equal((await page.textContent("main h1")).trim(), "Assess and plan public involvement");
      assert.equal(await page.evaluate(() => window.__startSeen), 0, "the start page was never on screen");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: a new user's Save and continue on a blank question page shows the error summary before the wasm, and the app then shows the same`, async () => {
    const session = await openHeld(target, "#/b-step-1", "Step 1: Describe the activity");
    const { page } = session;
    try {
      await page.click(`${PRE} button[type=submit]`);
      assert.equal((await page.textContent(`${PRE} #error-summary h2`)).trim(), "There is a problem");
      assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary");
      assert.match(await page.title(), /^Error: Step 1: Describe the activity/);
      assert.equal(await page.locator(APP_READY).count(), 0, "the app has not started");
      const before = await page.evaluate(() => document.querySelector("#app-pre main").innerText);
      // The summary's link moves focus to its question, not the address.
      await page.click(`${PRE} #error-summary a >> nth=0`);
      const target = await page.evaluate(() => document.activeElement.id);
      assert.ok(target.startsWith("b."), `focus on a question (${target})`);
      assert.equal(await page.evaluate(() => location.hash), "#/b-step-1");
      await release(session);
      await page.waitForSelector("main #error-summary");
      assert.equal(await page.evaluate(() => document.querySelector("main").innerText), before);
      assert.equal(await page.evaluate(() => location.hash), "#/b-step-1");
      assert.match(await page.title(), /^Error: Step 1/);
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: typing after the early error summary keeps the page, the answer and the focus; the app shows the problems left, without moving on`, async () => {
    const session = await openHeld(target, "#/b-step-1", "Step 1: Describe the activity");
    const { page } = session;
    try {
      await page.click(`${PRE} button[type=submit]`);
      await page.waitForSelector(`${PRE} #error-summary`);
      const all = await page.locator(`${PRE} #error-summary li`).count();
      await page.fill(`${PRE} [id="b.title"]`, "Podiatry move");
      await release(session);
      await page.waitForSelector("main #error-summary");
      assert.equal(await page.evaluate(() => location.hash), "#/b-step-1", "Save and continue was not carried out with the new answer");
      assert.equal(await page.inputValue('[id="b.title"]'), "Podiatry move");
      assert.equal(await page.evaluate(() => document.activeElement.id), "b.title");
      assert.equal(await page.locator("main #error-summary li").count(), all - 1, "the problem fixed is gone, the others stay");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });

  test(`${target}: an address naming another page never shows the start page first, though the start page comes first in the file`, async () => {
    const session = await openTarget(target, { hash: "#/b-step-2", ready: `${PRE} main h1`, holdWasm: true, init: watchStartPage, trickle: true });
    const { page } = session;
    try {
      assert.equal((await page.textContent(`${PRE} main h1`)).trim(), "Step 2: Does the legal duty apply");
      assert.equal(await page.locator("#start-now").count(), 0);
      await release(session);
      assert.equal(await page.evaluate(() => window.__startSeen), 0, "the prerendered start page was never on screen");
      await session.assertClean();
    } finally {
      await session.close();
    }
  });
}

/**
 * Counts frames, from the first, in which the prerendered start page's "Start
 * now" was rendered (requestAnimationFrame runs only when the page renders:
 * not while the stylesheet is on its way).
 */
function watchStartPage() {
  window.__startSeen = 0;
  const look = () => {
    // The new user's start page ("Start now"; a returning user's says "Continue").
    const el = document.querySelector("#app-pre #start-now");
    if (el && el.textContent.trim() === "Start now" && el.checkVisibility() && el.getBoundingClientRect().height > 0) window.__startSeen++;
    if (performance.now() < 30000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

test("index.html and the offline file hold every page's first render: the start page first in the body, the others as data blocks; two hashed inline scripts", () => {
  for (const file of [join(DIST, "index.html"), OFFLINE_FILE]) {
    const html = readFileSync(file, "utf8");
    const body = html.slice(html.indexOf("<body"));
    // The start page is real HTML at the top of the body, before the loading shell and every data block.
    const start = body.indexOf('<div id="app-pre"');
    assert.ok(start >= 0 && start < body.indexOf('id="app-loading"'), `${file}: the start page comes before the loading shell`);
    assert.ok(body.indexOf('id="start-now"') > start && body.indexOf('id="start-now"') < body.indexOf('class="app-prerendered"'), `${file}: the start page comes before the other pages`);
    const routes = [...html.matchAll(/<script type="text\/html" class="app-prerendered" id="app-pre-([^"]+)"/g)].map((m) => m[1]);
    for (const r of ["/tasks", "/screening", "/b-step-1", "/b-sign-off", "/plan-c", "/decision", "/check", "/reassess", "/reassessed", "/review", "/accessibility", "/privacy"]) {
      assert.ok(routes.includes(r), `${file} prerenders ${r}`);
    }
    assert.ok(!routes.includes("/"), "the start page is not also a data block");
    assert.equal(html.match(/<template\b/g), null, "no <template>: the pages the user is not on are text, not elements");
    // The HEAD script runs before the stylesheet, so a stylesheet still on its way does not hold it up.
    const head = html.slice(0, html.indexOf("<body"));
    const headScript = head.indexOf('<script>(function(d){var w=location.hash');
    assert.ok(headScript > 0, `${file}: the HEAD script is in the head`);
    const sheet = head.search(/<link\b[^>]*rel="stylesheet"|<style>/);
    assert.ok(headScript < sheet, `${file}: the HEAD script comes before the stylesheet`);
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
    assert.doesNotMatch(csp, /unsafe-inline/);
  }
});
