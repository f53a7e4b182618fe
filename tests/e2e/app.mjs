// Helpers that drive the Involve app like a user: answers for whole journeys,
// filling a question page from a table, reading what is on screen.
// Used by the *.test.mjs files next to this one (not a test file itself).
//
// Selectors are the app's stable ids (see src/web/fields.rs): an input has the
// field id (`[id="b.title"]`), a radio or checkbox option is found by its
// field name and stored value, date boxes are `{id}-day/-month/-year`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, APP_READY } from "./harness.mjs";

export const H1_START = "Involve: assess and plan public involvement";

/** Today as [day, month, year] strings, the way a user types a date. */
export function todayParts() {
  const d = new Date();
  return [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())];
}

/** A date `days` from today as [day, month, year]. */
export function dayParts(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())];
}

// Answer values: a string is typed; { choose } picks a radio option by stored
// value; { tick } ticks checkbox options by stored value; { date } types
// [day, month, year].
const choose = (v) => ({ choose: v });
const tick = (...v) => ({ tick: v });
const date = (parts) => ({ date: parts });

/** Screening for a CCG planning activity: the duty applies under s14Z2 limb (a). */
export const SCREENING_CCG_PLANNING = [
  ["screening.body", choose("ccg")],
  ["screening.relates_to_commissioning", choose("yes")],
  ["screening.activities", tick("planning")],
  ["screening.impact_delivery", choose("yes")],
  ["screening.impact_delivery_detail", "Community nursing teams would be reorganised across two localities"],
  ["screening.impact_range", choose("no")],
  ["screening.patient_matters", tick("none")],
  ["screening.trust_special_administrator", choose("no")],
  ["screening.urgent", choose("no")],
  ["screening.public_interest", tick("none")],
  ["screening.substantial_variation", choose("no")],
  ["screening.previous_involvement", choose("no")],
  ["screening.equality_need", choose("no")],
];

/** Screening for a GP retirement handled operationally: no impact, so the duty does not apply. */
export const SCREENING_GP_RETIREMENT = [
  ["screening.body", choose("ccg")],
  ["screening.relates_to_commissioning", choose("yes")],
  ["screening.activities", tick("operational")],
  ["screening.impact_delivery", choose("no")],
  ["screening.impact_range", choose("no")],
  ["screening.patient_matters", tick("none")],
  ["screening.trust_special_administrator", choose("no")],
  ["screening.urgent", choose("no")],
  ["screening.public_interest", tick("none")],
  ["screening.substantial_variation", choose("no")],
  ["screening.previous_involvement", choose("no")],
  ["screening.equality_need", choose("no")],
];

/** Appendix B answers for the CCG planning journey, by section slug. */
export function appendixB({ title = "Community nursing strategy 2027 to 2030", additional = "yes" } = {}) {
  return {
    "b-step-1": [
      ["b.location", "NHS Riverside CCG"],
      ["b.title", title],
      ["b.description", "A five-year plan for community nursing across the CCG's two localities"],
      ["b.objectives", "Shorter waits for home visits"],
    ],
    "b-step-2": [
      ["b.opinion", choose("yes")],
      ["b.opinion_reason", "This is planning of commissioning arrangements, so the duty applies regardless of impact"],
    ],
    "b-step-3": [
      ["b.existing_arrangements", "Patient reference group and the locality patient participation groups"],
      ["b.insight_use", "Complaints and Healthwatch reports show where home visits are late"],
    ],
    "b-step-4": [
      ["b.additional_required", choose(additional)],
      ...(additional === "yes" ? [["b.additional_approach", "Six listening events and an online survey over twelve weeks"]] : []),
      ["b.fair_and_proportionate", "Events in both localities, with easy read and translated material"],
    ],
    "b-step-5": [
      ["b.impact_use", "Themes from the events shape the service specification"],
      ["b.feedback", "A you said, we did report on the CCG website and at the governing body"],
      ["b.ongoing_impact", "Quarterly patient experience survey of community nursing"],
    ],
    "b-sign-off": [
      ["b.completed_by.name", "Alex Morgan"],
      ["b.completed_by.job_title", "Engagement manager"],
      ["b.completed_by.email", "alex.morgan@example.nhs.uk"],
      ["b.completed_by.team", "Communications and engagement"],
      ["b.completed_by.date", date(todayParts())],
      ["b.signoff_applies", choose("no")],
    ],
  };
}

/** Appendix C answers (typed over anything prefilled). */
export const PLAN_C = [
  ["c.date_produced", date(todayParts())],
  ["c.project_lead", "Sam Patel"],
  ["c.key_messages", "Tell us what matters to you about nursing care at home"],
  ["c.target_audiences", "Housebound patients, carers, district nurses"],
  ["c.objectives", "Hear from 500 people in both localities"],
  ["c.methods", "Listening events, an online survey, visits to carers groups"],
  ["c.equality", "Easy read, five languages, British Sign Language interpreters at events"],
  ["c.evaluation", "Number and diversity of responses against the equality analysis"],
  ["c.feedback", "Report to participants within eight weeks of the governing body decision"],
];

/** The 2022 equality and health inequalities record (issue 17). */
export const EQUALITY_2022 = [
  ["b.equality.groups", "Older people, disabled people and people without a car"],
  ["b.equality.evidence", "Equality and health inequalities impact assessment"],
  ["b.equality.due_regard", "Board paper sets out the impact on each group and the mitigations"],
  ["b.equality.inequalities", "Access for people without a car: bus route review"],
];

/** The ten principles of the 2022 guidance, in a started 2022 plan. */
export const PRINCIPLES_2022 = ["voices", "early", "understand", "excluded", "partners", "information", "community", "coproduction", "redesign", "learn"].map(
  (k, i) => [`c.principles.${k}`, `How principle ${i + 1} is applied in this plan`],
);

/** Fills one answer (see the value forms above). */
export async function answer(page, id, value) {
  if (typeof value === "string") {
    await page.fill(`[id="${id}"]`, value);
  } else if (value.choose) {
    await page.check(`input[type=radio][name="${id}"][value="${value.choose}"]`);
  } else if (value.tick) {
    for (const v of value.tick) await page.check(`input[type=checkbox][name="${id}"][value="${v}"]`);
  } else if (value.date) {
    const [d, m, y] = value.date;
    await page.fill(`[id="${id}-day"]`, d);
    await page.fill(`[id="${id}-month"]`, m);
    await page.fill(`[id="${id}-year"]`, y);
  } else {
    throw new Error(`unknown answer form for ${id}: ${JSON.stringify(value)}`);
  }
}

export async function answerAll(page, rows) {
  for (const [id, value] of rows) await answer(page, id, value);
}

/** Goes to a page by its route (as a user following a link or typing the address would). `#/screening` leads on to a screening page. */
export async function go(page, route) {
  await page.evaluate((r) => { location.hash = r; }, route);
  if (route === "#/screening") await page.waitForFunction(() => location.hash.startsWith("#/screening/"));
  else await page.waitForFunction((r) => location.hash === r, route);
  await page.waitForSelector(APP_READY);
}

/** The element an answer row is given in, as a selector. */
function answerSelector(id, value) {
  if (typeof value === "string") return `[id="${id}"]`;
  if (value.choose) return `input[type=radio][name="${id}"]`;
  if (value.tick) return `input[type=checkbox][name="${id}"]`;
  if (value.date) return `[id="${id}-day"]`;
  throw new Error(`unknown answer form for ${id}`);
}

/**
 * Walks the screening's question pages from the first,
 * answering each row on the page that asks it and pressing Save and
 * continue (twice where a warning is shown), until the screening's check
 * page. Asserts no page shows an error and every row was asked.
 */
export async function answerScreening(page, rows) {
  await go(page, "#/screening/organisation");
  const done = new Set();
  for (let guard = 0; guard < 40; guard++) {
    const hash = await page.evaluate(() => location.hash);
    if (!hash.startsWith("#/screening/") || hash === "#/screening/check") break;
    for (const [id, value] of rows) {
      if (done.has(id) || (await page.locator(answerSelector(id, value)).count()) === 0) continue;
      await answer(page, id, value);
      done.add(id);
    }
    await saveAndContinue(page);
    const errors = await page.locator("#error-summary li").allTextContents();
    assert.deepEqual(errors, [], `${hash}: Save and continue showed errors`);
  }
  assert.equal(await page.evaluate(() => location.hash), "#/screening/check", "the screening ends on its check page");
  assert.deepEqual(rows.map(([id]) => id).filter((id) => !done.has(id)), [], "rows no screening page asked");
}

/** Whether the screening asks question `id`: opens its page `#/screening/<slug>` (a page the answers skip leads on to the next). */
export async function screeningAsks(page, slug, id) {
  await page.evaluate((r) => { location.hash = r; }, `#/screening/${slug}`);
  await page.waitForFunction(([r, id]) => location.hash !== r || document.querySelector(`[name="${id}"]`), [`#/screening/${slug}`, id]);
  return (await page.locator(`[name="${id}"]`).count()) > 0;
}

/** The screening, page by page, then its check page's Continue: ends on the result. */
export async function completeScreening(page, rows) {
  await answerScreening(page, rows);
  await page.getByRole("button", { name: "Continue to the result" }).click();
  await page.waitForFunction(() => location.hash === "#/decision");
  await page.waitForSelector(APP_READY);
}

/** Presses Save and continue and waits for the next page (or the error summary, or a warning shown where the answer was given). */
export async function saveAndContinue(page) {
  const before = await page.evaluate(() => location.hash);
  const warned = await page.locator("#warnings").count();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForFunction(([b, w]) => location.hash !== b || document.getElementById("error-summary") || (!w && document.getElementById("warnings")), [before, warned]);
}

/** The main heading's text. */
export const h1 = async (page) => (await page.textContent("main h1")).trim();

/** Fills one question page and continues; asserts it moved on without errors. */
export async function completeSection(page, slug, rows) {
  if (slug === "screening") return completeScreening(page, rows);
  await go(page, `#/${slug}`);
  await answerAll(page, rows);
  await saveAndContinue(page);
  const errors = await page.locator("#error-summary li").allTextContents();
  assert.deepEqual(errors, [], `${slug}: Save and continue showed errors`);
  assert.notEqual(await page.evaluate(() => location.hash), `#/${slug}`, `${slug}: still on the page`);
}

/**
 * Journey 1's answers: start, screening, every Appendix B section and
 * (optionally) Appendix C, ending on the task list.
 */
export async function completeCcgPlanning(page, { planC = true } = {}) {
  await page.click("#start-now");
  await page.waitForFunction(() => location.hash === "#/tasks");
  await completeSection(page, "screening", SCREENING_CCG_PLANNING);
  assert.equal(await page.evaluate(() => location.hash), "#/decision");
  const b = appendixB({ additional: planC ? "yes" : "no" });
  for (const [slug, rows] of Object.entries(b)) await completeSection(page, slug, rows);
  if (planC) {
    await go(page, "#/plan-c");
    await page.click("#prefill-c");
    await page.waitForSelector("#notice");
    await answerAll(page, PLAN_C);
    await page.click("#add-milestone");
    await page.fill('[id="c.timescales[0].what"]', "Listening events finish");
    await answer(page, "c.timescales[0].date", date(dayParts(60)));
    await saveAndContinue(page);
    const errors = await page.locator("#error-summary li").allTextContents();
    assert.deepEqual(errors, [], "plan-c: Save and continue showed errors");
  }
}

/** Clicks `selector` and returns the downloaded file's text and suggested name. */
export async function download(page, selector = "#download") {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await dl.path();
  const { readFileSync } = await import("node:fs");
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8"), path };
}

/** The native CLI, built once if missing (cargo test builds it as well). */
export function cliPath() {
  const bin = join(ROOT, "target", "debug", "involve");
  if (!existsSync(bin)) execFileSync("cargo", ["build", "--quiet", "--bin", "involve"], { cwd: ROOT, stdio: "inherit" });
  return bin;
}

/** Visible text of the page, screen media (what a user reads). */
export async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

// Raw field ids and stored codes a user must never read: field ids from the
// catalogue (screening.x, b.x, c.x), verdict codes and stored option values
// with underscores.
const RAW = [
  /\b(?:screening|b|c)\.[a-z_]+(?:\.[a-z_]+)?\b/,
  /\b(?:does_not_apply|not_required_yet|nhs_england|seat_at_the_table|joint_decision_making|fully_devolved|urgent_development|risk_to_safety|significant_interest|promise_to_consult|undetermined)\b/,
  /\b[a-z]+_[a-z_]+\b/, // any snake_case word is a code, not English
  /\[object |undefined|NaN\b/,
];

/** Throws if the visible text shows a raw id or code. `where` names the page. */
export async function assertNoRawCodes(page, where) {
  const text = await visibleText(page);
  for (const re of RAW) {
    const m = text.match(re);
    // An email address typed by the user (alex.morgan@...) is not a code.
    if (m && !/@/.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40))) {
      assert.fail(`${where}: raw id or code on screen: "${m[0]}" in …${text.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
    }
  }
}
