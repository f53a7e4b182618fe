// Accessibility sweep on both targets: every page and state a user can meet
// (start, task list, every section empty and with its error summary,
// conditional reveals, the decision both ways, check answers, the
// confirmation, a bad file, the storage-off notice, print) gets:
//   - axe-core WCAG 2.2 A/AA: 0 violations;
//   - headings in order (one h1, no skipped level going down);
//   - no raw field id or stored code in the visible text;
//   - at 320 px wide: no horizontal scroll;
//   - screenshots at 1280 and 320 px (hosted) in tests/e2e/out/ to look at.
// The error summary is also checked: focused, "Error: " title, and each link
// moves focus to its field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, TARGETS, axeViolations, openTarget, screenshot, withTarget } from "./harness.mjs";
import {
  PLAN_C,
  SCREENING_CCG_PLANNING,
  SCREENING_GP_RETIREMENT,
  answer,
  answerAll,
  appendixB,
  assertNoRawCodes,
  completeSection,
  go,
  saveAndContinue,
} from "./app.mjs";

/** Every screening question page (src/forms/screening_flow.rs), in order. */
const SCREENING_PAGES = ["organisation", "joint-working", "relates", "activity", "impact", "patients", "special-administrator", "urgency", "public-interest", "substantial-variation", "previous-involvement", "previous-involvement-details", "equality"];

const SECTIONS = ["screening", "b-step-1", "b-step-2", "b-step-3", "b-step-4", "b-step-5", "b-sign-off", "plan-c"];

/** Visible headings' levels in document order. */
const headingLevels = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter((h) => h.checkVisibility())
      .map((h) => Number(h.tagName[1])),
  );

/** Runs every check on the page's current state; returns problems as strings. */
async function checkState(page, target, name, { print = false } = {}) {
  const problems = [];
  for (const v of await axeViolations(page)) problems.push(`${name}: axe ${v}`);
  const levels = await headingLevels(page);
  // The print view's titles are h2 (the screen's h1 is in the DOM, hidden in print).
  if (levels.filter((l) => l === 1).length !== (print ? 0 : 1)) problems.push(`${name}: ${levels.filter((l) => l === 1).length} h1 elements (${levels.join(",")})`);
  let prev = 1;
  for (const l of levels) {
    if (l > prev + 1) problems.push(`${name}: heading h${l} after h${prev} skips a level (${levels.join(",")})`);
    prev = l;
  }
  try {
    await assertNoRawCodes(page, name);
  } catch (e) {
    problems.push(e.message);
  }
  if (target === "hosted") await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 320, height: 640 });
  const { sw, iw } = await page.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, iw: innerWidth }));
  if (sw > iw) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && e.checkVisibility())
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")}`),
    );
    problems.push(`${name}: horizontal scroll at 320 px (scrollWidth ${sw} > ${iw}): ${wide.join(", ")}`);
  }
  if (target === "hosted") await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}

/** The error summary: focused, "Error: " title, each link focuses its field. */
async function checkErrorSummary(page, name) {
  const problems = [];
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== "error-summary") problems.push(`${name}: the error summary is not focused (${focused})`);
  if (!(await page.title()).startsWith("Error: ")) problems.push(`${name}: title lacks "Error: " (${await page.title()})`);
  if ((await page.textContent("#error-summary h2")).trim() !== "There is a problem") problems.push(`${name}: summary title`);
  const links = page.locator("#error-summary a");
  const n = await links.count();
  if (n === 0) problems.push(`${name}: the error summary has no links`);
  for (let i = 0; i < n; i++) {
    const href = decodeURIComponent((await links.nth(i).getAttribute("href")).slice(1));
    await links.nth(i).click();
    const now = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName, hash: location.hash }));
    if (now.id !== href) problems.push(`${name}: link ${i + 1} (#${href}) focused ${now.tag}#${now.id}`);
    if (!["INPUT", "TEXTAREA", "BUTTON"].includes(now.tag)) problems.push(`${name}: link ${i + 1} focused a ${now.tag}, not a field`);
    if (!now.hash.startsWith("#/")) problems.push(`${name}: link ${i + 1} changed the address to ${now.hash}`);
  }
  return problems;
}

for (const target of TARGETS) {
  test(`${target}: every page and state has no axe violations, ordered headings, no raw codes, no horizontal scroll at 320 px`, { timeout: 420_000 }, () =>
    withTarget(target, async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const problems = [];
      const state = async (name) => problems.push(...(await checkState(page, target, name)));

      await state("start");
      // A bad file on the start page.
      await page.setInputFiles("#load-file", join(ROOT, "tests", "fixtures", "not-json.json"));
      await page.waitForSelector("#error-summary");
      await state("start-bad-file");
      problems.push(...(await checkErrorSummary(page, "start-bad-file")));

      await page.click("#start-now");
      await page.waitForFunction(() => location.hash === "#/tasks");
      await state("tasks-empty");
      await go(page, "#/decision");
      await state("decision-undetermined");
      await go(page, "#/check");
      await state("check-empty");

      for (const slug of SECTIONS) {
        await go(page, `#/${slug}`);
        await state(`${slug}-empty`);
        if (slug === "plan-c") await answer(page, "c.project_lead", "Sam Patel"); // an empty plan is not started
        await saveAndContinue(page);
        if ((await page.locator("#error-summary").count()) === 0) {
          problems.push(`${slug}: Save and continue on an empty section showed no error summary`);
          continue;
        }
        await state(`${slug}-errors`);
        problems.push(...(await checkErrorSummary(page, `${slug}-errors`)));
      }

      // Every screening page, with its conditional reveals open, and the
      // screening's check page.
      const open = [
        ["screening.body", { choose: "joint" }],
        ["screening.joint_model", { choose: "joint_committee" }],
        ["screening.relates_to_commissioning", { choose: "yes" }],
        ["screening.impact_delivery", { choose: "yes" }],
        ["screening.impact_range", { choose: "yes" }],
        ["screening.urgent", { choose: "yes" }],
        ["screening.previous_involvement", { choose: "yes" }],
      ];
      for (const slug of SCREENING_PAGES) {
        await go(page, `#/screening/${slug}`);
        for (const [id, v] of open) if ((await page.locator(`input[name="${id}"]`).count()) > 0) await answer(page, id, v);
        await state(`screening-${slug}`);
      }
      await go(page, "#/screening/check");
      await state("screening-check");
      await completeSection(page, "screening", SCREENING_CCG_PLANNING);
      await state("decision-applies");
      await go(page, "#/b-sign-off");
      await answer(page, "b.signoff_applies", { choose: "yes" });
      await state("b-sign-off-reveal-open");

      // Everything complete.
      const b = appendixB();
      b["b-sign-off"] = b["b-sign-off"].map(([id, v]) => (id === "b.signoff_applies" ? [id, { choose: "no" }] : [id, v]));
      for (const [slug, rows] of Object.entries(b)) await completeSection(page, slug, rows);
      await go(page, "#/plan-c");
      await answerAll(page, [["c.background", "Background"], ["c.proposal", "Proposal"], ...PLAN_C]);
      await page.click("#add-milestone");
      await page.click("#add-risk");
      await state("plan-c-rows");
      await page.fill('[id="c.timescales[0].what"]', "Events finish");
      await answer(page, "c.timescales[0].date", { date: ["1", "1", String(new Date().getFullYear() + 1)] });
      await page.fill('[id="c.risks[0].risk"]', "Low turnout");
      await page.fill('[id="c.risks[0].action"]', "Evening events");
      await saveAndContinue(page);
      await state("tasks-complete");
      await go(page, "#/check");
      await state("check-complete");
      await page.emulateMedia({ media: "print" });
      problems.push(...(await checkState(page, target, "print", { print: true })));
      await page.emulateMedia({ media: "screen" });

      // The confirmation before loading over answers.
      await go(page, "#/tasks");
      await page.setInputFiles("#load-file", join(ROOT, "tests", "fixtures", "complete.json"));
      await page.waitForSelector("#confirm");
      await state("confirm-load");
      await page.click("#confirm-no");

      // The decision the other way.
      await go(page, "#/screening/activity");
      await page.uncheck('input[name="screening.activities"][value="planning"]');
      await completeSection(page, "screening", SCREENING_GP_RETIREMENT);
      await state("decision-does-not-apply");

      assert.deepEqual(problems, []);
    }));

  test(`${target}: the storage-off notice has no axe violations and fits 320 px`, () =>
    withTarget(target, async (page) => {
      // Set up before the app starts: localStorage throws, as in a sandboxed iframe.
      await page.context().addInitScript(() => {
        Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The document is sandboxed", "SecurityError"); } });
      });
      await page.reload();
      await page.waitForSelector("#storage-status");
      const problems = await checkState(page, target, "start-storage-off");
      assert.deepEqual(problems, []);
    }));
}
