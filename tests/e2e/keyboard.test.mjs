// Keyboard only: the whole flow (start, screening, Appendix B, sign-off,
// check answers, download) with Tab, Shift+Tab, Space, Enter, arrow keys in
// radio groups and typing. No clicks, no element.fill. After every Tab the
// focused element must show a visible focus indicator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TARGETS, withTarget } from "./harness.mjs";
import { SCREENING_CCG_PLANNING, appendixB } from "./app.mjs";

/** Whether the focused element has a visible focus style (outline, box-shadow, or the NHS radio/checkbox ring on its label). */
const focusState = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, desc: "nothing focused" };
    const desc = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.innerText || el.value || "").slice(0, 30)}"`;
    const visible = (s) =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== "none");
    let ok = visible(getComputedStyle(el));
    if (!ok && (el.type === "radio" || el.type === "checkbox")) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      ok = !!label && (visible(getComputedStyle(label, "::before")) || visible(getComputedStyle(label)));
    }
    return { ok, desc, id: el.id, name: el.getAttribute("name"), value: el.value, text: (el.innerText || "").trim() };
  });

/** Tabs (forwards or backwards, whichever is nearer in document order) until `match(focused)`; asserts focus is visible at each stop. */
async function tabTo(page, match, what, invisible) {
  for (let i = 0; i < 250; i++) {
    const f = await focusState(page);
    if (f.desc !== "nothing focused" && match(f)) return f;
    const backwards = await page.evaluate((sel) => {
      const t = document.querySelector(sel);
      const a = document.activeElement;
      return !!(t && a && a !== document.body && t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, what.startsWith("#") || what.startsWith("[") ? what : "none-such");
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const g = await focusState(page);
    if (!g.ok) invisible.push(g.desc);
  }
  throw new Error(`could not reach ${what} with Tab`);
}

const byId = (id) => (f) => f.id === id;

/** Answers one question by keyboard. */
async function key(page, id, value, invisible) {
  if (typeof value === "string") {
    await tabTo(page, byId(id), `[id="${id}"]`, invisible);
    await page.keyboard.type(value);
  } else if (value.choose) {
    const f = await tabTo(page, (f) => f.name === id, `[id="${id}"]`, invisible);
    const values = await page.evaluate((n) => [...document.querySelectorAll(`input[name="${n}"]`)].map((r) => r.value), id);
    const from = values.indexOf(f.value);
    const to = values.indexOf(value.choose);
    if (from === to) await page.keyboard.press("Space");
    for (let i = from; i < to; i++) await page.keyboard.press("ArrowDown");
    for (let i = from; i > to; i--) await page.keyboard.press("ArrowUp");
    assert.equal(await page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, id), value.choose, id);
  } else if (value.tick) {
    for (const v of value.tick) {
      await tabTo(page, (f) => f.name === id && f.value === v, `input[name="${id}"][value="${v}"]`, invisible);
      await page.keyboard.press("Space");
    }
  } else if (value.date) {
    await tabTo(page, byId(`${id}-day`), `[id="${id}-day"]`, invisible);
    await page.keyboard.type(value.date[0]);
    await page.keyboard.press("Tab");
    await page.keyboard.type(value.date[1]);
    await page.keyboard.press("Tab");
    await page.keyboard.type(value.date[2]);
  }
}

const byText = (text) => (f) => f.text === text;

async function activate(page, match, what, invisible, press = "Enter") {
  await tabTo(page, match, what, invisible);
  const before = await page.evaluate(() => location.hash);
  await page.keyboard.press(press);
  return before;
}

async function section(page, linkText, rows, invisible) {
  await activate(page, byText(linkText), "the task list link", invisible);
  await page.waitForFunction((t) => document.querySelector("main h1")?.innerText.trim() === t, linkText);
  for (const [id, v] of rows) await key(page, id, v, invisible);
  const before = await activate(page, byText("Save and continue"), "Save and continue", invisible);
  await page.waitForFunction((b) => location.hash !== b || document.getElementById("error-summary"), before);
  const errors = await page.locator("#error-summary li").allTextContents();
  assert.deepEqual(errors, [], `${linkText}: errors after keyboard entry`);
}

/** The screening by keyboard: each question page in turn, then its check page's Continue. */
async function screening(page, rows, invisible) {
  await activate(page, byText("Screen for the legal duty"), "the task list link", invisible);
  await page.waitForFunction(() => location.hash.startsWith("#/screening/"));
  const done = new Set();
  for (let guard = 0; guard < 40; guard++) {
    const hash = await page.evaluate(() => location.hash);
    if (hash === "#/screening/check") break;
    for (const [id, v] of rows) {
      if (done.has(id) || (await page.locator(`[name="${id}"], [id="${id}"]`).count()) === 0) continue;
      await key(page, id, v, invisible);
      done.add(id);
    }
    const before = await activate(page, byText("Save and continue"), "Save and continue", invisible);
    await page.waitForFunction((b) => location.hash !== b || document.getElementById("error-summary") || document.getElementById("warnings"), before);
    const errors = await page.locator("#error-summary li").allTextContents();
    assert.deepEqual(errors, [], `${hash}: errors after keyboard entry`);
  }
  assert.equal(await page.evaluate(() => location.hash), "#/screening/check");
  await activate(page, byText("Continue to the result"), "button", invisible);
  await page.waitForFunction(() => location.hash === "#/decision");
}

for (const target of TARGETS) {
  test(`${target}: the whole flow by keyboard only, with a visible focus indicator at every Tab stop`, { timeout: 180_000 }, () =>
    withTarget(target, async (page) => {
      const invisible = [];
      await activate(page, byId("start-now"), "#start-now", invisible);
      await page.waitForFunction(() => location.hash === "#/tasks");
      await screening(page, SCREENING_CCG_PLANNING, invisible);
      assert.match(await page.textContent("main"), /The legal duty to involve the public applies/);
      await activate(page, byText("Continue to the task list"), "button", invisible);
      await page.waitForFunction(() => location.hash === "#/tasks");
      const b = appendixB({ additional: "no" });
      const titles = {
        "b-step-1": "Step 1: Describe the activity",
        "b-step-2": "Step 2: Does the legal duty apply",
        "b-step-3": "Step 3: Existing arrangements and insight",
        "b-step-4": "Step 4: Additional arrangements for involvement",
        "b-step-5": "Step 5: Planning for impact and feedback",
        "b-sign-off": "Completed by and senior sign-off",
      };
      for (const [slug, rows] of Object.entries(b)) await section(page, titles[slug], rows, invisible);
      await activate(page, byText("Check your answers and download"), "the task list link", invisible);
      await page.waitForFunction(() => location.hash === "#/check");
      assert.equal((await page.textContent("#check-state")).trim(), "All sections are complete.");
      // Past the download button to Print, then back with Shift+Tab.
      await tabTo(page, byId("print"), "print button", invisible);
      await tabTo(page, byId("download"), "#download", invisible);
      const [dl] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const doc = JSON.parse(readFileSync(await dl.path(), "utf8"));
      assert.equal(doc.verdict.code, "applies");
      assert.equal(doc.validation.complete, true, JSON.stringify(doc.validation.issues));
      assert.equal(doc.answers.b.title, "Community nursing strategy 2027 to 2030");
      assert.deepEqual([...new Set(invisible)], [], "elements focused by Tab without a visible focus indicator");
    }));
}

