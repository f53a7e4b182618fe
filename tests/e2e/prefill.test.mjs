// A returning user's saved answers in the prerendered page before the wasm
// arrives (issue 20; scripts/prerender.mjs FILL, with the data
// src/bin/involve_prerender.rs finds with the app's own components).
//
// For each saved fixture and every question page the build lists for its
// ruleset, with the wasm held back: either the page shows with the saved
// answers in it, or the loading shell stays (an answer there changes the
// page). When the page shows, the app's own page, once the wasm is let
// through, must look the same: the same visible text and the same value in
// every box, tick and choice. A page without questions that the build found
// every returning user sees alike (the start page with "Continue") is shown
// as the app shows it to them. The bench's page (#/b-step-1 with
// tests/fixtures/complete.json) must be one that shows. Then: what the user
// changes before the app runs is kept, what they leave is not a change
// (the saved document's `updated` stays), and an answer emptied is emptied.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_READY, DIST, ROOT, openTarget } from "./harness.mjs";

const fixture = (name) => readFileSync(join(ROOT, "tests", "fixtures", name), "utf8");
const FIXTURES = ["complete.json", "icb-2022.json", "trust-2022.json"];
const index = readFileSync(join(DIST, "index.html"), "utf8");
const PREFILL = JSON.parse(index.match(/<script type="application\/json" class="app-prerendered" id="app-prefill">([\s\S]*?)<\/script>/)[1]);

/** What a person sees in <main>: its text and every answer in it. */
const seen = (page, root) =>
  page.evaluate((root) => {
    const main = document.querySelector(`${root} main`);
    const boxes = [...main.querySelectorAll("input, textarea")].filter((e) => e.type !== "file").map((e) =>
      e.type === "radio" || e.type === "checkbox" ? `${e.name}=${e.value}:${e.checked}` : `${e.id}=${e.value}`);
    return { title: document.title, text: main.innerText.replace(/\s+/g, " ").trim(), boxes };
  }, root);

/** Opens `hash` as a returning user with `saved`, the wasm held, and waits for the page's script. */
async function openReturning(saved, hash) {
  const session = await openTarget("hosted", { hash, ready: null, holdWasm: true, saved });
  await session.page.waitForFunction(() => !document.getElementById("app-loading") || !document.getElementById("app-pre"));
  return session;
}

for (const name of FIXTURES) {
  const saved = fixture(name);
  const doc = JSON.parse(saved);
  const routes = [...PREFILL.started, ...PREFILL.same, ...Object.keys(PREFILL.pages[doc.ruleset])];
  test(`a returning user with ${name} (${doc.ruleset}) sees, on each question page, their saved answers exactly as the app then shows them, and each page without questions as the app shows it to them, or the loading shell`, async () => {
    const shown = [];
    for (const route of routes) {
      const session = await openReturning(saved, `#${route}`);
      const { page } = session;
      try {
        const filled = await page.locator("#app-pre.app-prefilled").count();
        if (!filled) {
          assert.equal(await page.locator("#app-pre").count(), 0, `${route}: neither the page nor the shell`);
          assert.equal(await page.locator("#app-loading").count(), 1, `${route}: the loading shell stays`);
        }
        const before = filled ? await seen(page, "#app-pre") : null;
        await session.releaseWasm();
        await page.waitForSelector(APP_READY);
        if (filled) {
          shown.push(route);
          const after = await seen(page, "body > .nhsuk-width-container");
          assert.deepEqual(before, after, `${route}: the page put together before the wasm differs from the app's`);
        }
        await session.assertClean();
      } finally {
        await session.close();
      }
    }
    console.log(`# ${name}: shown before the wasm on ${shown.length} of ${routes.length} pages: ${shown.join(" ")}`);
    if (name === "complete.json") assert.ok(shown.includes("/b-step-1"), "the bench's returning user (#/b-step-1) sees their answers before the wasm");
    for (const r of [...PREFILL.started, ...PREFILL.same]) assert.ok(shown.includes(r), `${r}, the same for every returning user, is shown before the wasm`);
    assert.ok(shown.length >= routes.length / 2, `only ${shown.length} of ${routes.length} pages`);
  });
}

test("a returning user's saved answers left as they were are not a change; typed, emptied and unticked ones are, once the app runs", async () => {
  const saved = fixture("complete.json");
  const doc = JSON.parse(saved);
  const session = await openReturning(saved, "#/b-step-1");
  const { page } = session;
  try {
    assert.equal(await page.locator("#app-pre.app-prefilled").count(), 1);
    assert.equal(await page.inputValue('#app-pre [id="b.location"]'), doc.answers.b.location);
    await session.releaseWasm();
    await page.waitForSelector(APP_READY);
    await page.waitForTimeout(600);
    const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("involve.answers")));
    assert.equal(kept.updated, doc.updated, "nothing was typed: the saved document is not rewritten as changed");
    assert.deepEqual(kept.answers, doc.answers);
  } finally {
    await session.close();
  }

  const second = await openReturning(saved, "#/b-step-1");
  try {
    const p = second.page;
    await p.fill('#app-pre [id="b.location"]', "");
    await p.click('#app-pre [id="b.title"]');
    await p.keyboard.press("End");
    await p.keyboard.type(" (revised)");
    await second.releaseWasm();
    await p.waitForSelector(APP_READY);
    assert.equal(await p.inputValue('[id="b.title"]'), `${doc.answers.b.title} (revised)`);
    assert.equal(await p.inputValue('[id="b.location"]'), "");
    assert.equal(await p.inputValue('[id="b.description"]'), doc.answers.b.description);
    await p.waitForFunction((t) => JSON.parse(localStorage.getItem("involve.answers")).answers.b.title === t, `${doc.answers.b.title} (revised)`);
    const kept = JSON.parse(await p.evaluate(() => localStorage.getItem("involve.answers")));
    assert.equal(kept.answers.b.location, "");
    assert.equal(kept.answers.b.description, doc.answers.b.description);
    await second.assertClean();
  } finally {
    await second.close();
  }

  // Checkboxes: unticking every saved tick before the app runs unticks them.
  const third = await openReturning(saved, "#/screening/patients");
  try {
    const p = third.page;
    assert.equal(await p.locator("#app-pre.app-prefilled").count(), 1, "#/screening/patients shows before the wasm");
    for (const v of doc.answers.screening.patient_matters) await p.uncheck(`#app-pre input[name="screening.patient_matters"][value="${v}"]`);
    await third.releaseWasm();
    await p.waitForSelector(APP_READY);
    await p.waitForFunction(() => JSON.parse(localStorage.getItem("involve.answers")).answers.screening.patient_matters.length === 0);
    assert.equal(await p.locator('input[name="screening.patient_matters"]:checked').count(), 0);
    await third.assertClean();
  } finally {
    await third.close();
  }
});
