// Issue 21: the journey as staff see it. The task list's count, reasons and
// verdict; a warning shown where the answer is given; check answers led by a
// summary, with actions at the top and a return to the changed answer; what a
// download saved; a bad file after a good one; a two-digit year; the plan
// page before anything is typed; the route diagram at 320 px; the printout
// led by the record. Driven by visible text where a person would use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { OUT, ROOT, axeViolations, screenshot, withTarget } from "./harness.mjs";
import { SCREENING_CCG_PLANNING, answerAll, appendixB, completeSection, go, h1, saveAndContinue } from "./app.mjs";

const COMPLETE = join(ROOT, "tests", "fixtures", "complete.json");

/** Screenshots at 1280 and 320 px (hosted only), and nothing scrolls sideways at 320 px. */
async function shots(page, name, shoot) {
  await page.setViewportSize({ width: 1280, height: 800 });
  if (shoot) await screenshot(page, `issue21-${name}-1280`);
  await page.setViewportSize({ width: 320, height: 640 });
  const { sw, iw } = await page.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, iw: innerWidth }));
  if (shoot) await screenshot(page, `issue21-${name}-320`);
  await page.setViewportSize({ width: 1024, height: 768 });
  assert.ok(sw <= iw, `${name}: horizontal scroll at 320 px (${sw} > ${iw})`);
}

const link = (page, name) => page.getByRole("link", { name, exact: true });
const button = (page, name) => page.getByRole("button", { name, exact: true });

for (const target of ["hosted", "offline"]) {
  const shoot = target === "hosted";

  test(`${target}: the task list counts its rows, says why a task cannot start, and shows the screening result`, () =>
    withTarget(target, async (page) => {
      await page.getByRole("button", { name: "Start now" }).click();
      await page.waitForFunction(() => location.hash === "#/tasks");
      assert.equal(await page.textContent("#task-progress"), "You have completed 0 of 9 sections.");
      // 9 counted rows (7 sections, the 2022 equality record, check answers); the plan is listed apart as optional.
      const counted = await page.evaluate(() => [...document.querySelectorAll(".nhsuk-task-list")].slice(0, 4).reduce((n, l) => n + l.children.length, 0));
      assert.equal(counted, 9);
      assert.match(await page.textContent("#maincontent"), /Optional: Appendix C/);
      assert.match(await page.textContent("#task-b-step-2-hint"), /when the screening has a result/);
      assert.match(await page.textContent("#task-check-hint"), /when every section above has been started/);
      assert.equal(await page.locator("#task-verdict").count(), 0, "no result before any screening answer");
      assert.deepEqual(await axeViolations(page), []);
      await shots(page, "tasks-new", shoot);

      await completeSection(page, "screening", SCREENING_CCG_PLANNING);
      await button(page, "Continue to the task list").click();
      await page.waitForFunction(() => location.hash === "#/tasks");
      assert.match(await page.textContent("#task-verdict"), /The legal duty to involve the public applies/);
      assert.match(await page.textContent("#task-verdict"), /14Z2/);
      await shots(page, "tasks-result", shoot);
      await link(page, "See the screening result and the reasons for it").click();
      await page.waitForFunction(() => location.hash === "#/decision");
      assert.equal(await h1(page), "Screening result");
    }));

  test(`${target}: saying "No" on Step 2 after the screening said the duty applies shows a warning there, and saving again carries on`, () =>
    withTarget(target, async (page) => {
      await completeSection(page, "screening", SCREENING_CCG_PLANNING);
      await go(page, "#/b-step-2");
      await answerAll(page, [["b.opinion", { choose: "no" }], ["b.opinion_reason", "We think it is operational"]]);
      assert.equal(await page.locator("#warnings").count(), 0, "nothing is shown while answering");
      await saveAndContinue(page);
      assert.equal(await page.evaluate(() => location.hash), "#/b-step-2", "the warning is shown where the answer was given");
      assert.match(await page.textContent("#warnings"), /You said the legal duty does not apply/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "warnings");
      assert.equal(await page.locator("#error-summary").count(), 0, "a warning is not an error");
      assert.doesNotMatch(await page.title(), /^Error: /);
      assert.deepEqual(await axeViolations(page), []);
      await shots(page, "step-2-warning", shoot);
      await saveAndContinue(page);
      assert.equal(await page.evaluate(() => location.hash), "#/tasks", "saving again moves on");
    }));

  test(`${target}: check answers leads with the decision, the problems and the warnings; actions at the top; a change returns to the answer; a download says what was saved`, () =>
    withTarget(target, async (page) => {
      await completeSection(page, "screening", SCREENING_CCG_PLANNING);
      const b = appendixB({ additional: "no" });
      for (const [slug, rows] of Object.entries(b)) {
        if (slug === "b-step-2") {
          await go(page, "#/b-step-2");
          await answerAll(page, [["b.opinion", { choose: "no" }], ["b.opinion_reason", "We think it is operational"]]);
          await saveAndContinue(page);
          await saveAndContinue(page);
        } else await completeSection(page, slug, rows);
      }
      await go(page, "#/check");
      const top = await page.textContent("#check-summary");
      assert.match(top, /Decision: The legal duty to involve the public applies/);
      assert.match(top, /All sections are complete\./);
      assert.match(top, /1 answer to check/);
      assert.match(top, /You said the legal duty does not apply/);
      // The summary comes before the first section's answers, and Download before the sections too.
      const order = await page.evaluate(() => {
        const y = (sel) => document.querySelector(sel).getBoundingClientRect().top;
        return [y("#check-summary"), y("#download-top"), y("#check-screening")];
      });
      assert.ok(order[0] < order[1] && order[1] < order[2], `order ${order}`);
      assert.deepEqual(await axeViolations(page), []);
      await shots(page, "check", shoot);

      // The warning's link goes to the answer; after saving, back at that answer on check answers.
      await page.locator("#check-warnings a").first().click();
      await page.waitForFunction(() => location.hash === "#/b-step-2");
      assert.equal(await page.evaluate(() => document.activeElement?.name || document.activeElement?.id), "b.opinion");
      await answerAll(page, [["b.opinion", { choose: "yes" }]]);
      await saveAndContinue(page);
      assert.equal(await page.evaluate(() => location.hash), "#/check");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "check-b.opinion", "back at the answer changed");
      assert.equal(await page.locator("#check-warnings").count(), 0);
      // A Change link on a row does the same.
      await page.getByRole("link", { name: "Change Title of the plan, proposal, project or commissioning activity" }).click();
      await page.waitForFunction(() => location.hash === "#/b-step-1");
      await page.fill('[id="b.title"]', "Dental contract handed back: Elm Road");
      await saveAndContinue(page);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "check-b.title");
      const inView = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
      assert.ok(inView, "the changed answer is on screen");

      // Download from the top: what was saved, under which name, and what to do with it.
      const [dl] = await Promise.all([page.waitForEvent("download"), button(page, "Download answers (JSON)").first().click()]);
      await page.waitForSelector("#downloaded");
      const said = await page.textContent("#downloaded");
      assert.ok(said.includes(dl.suggestedFilename()), `${said} names ${dl.suggestedFilename()}`);
      assert.match(said, /committee or governance papers/);
      assert.match(said, /load it here/);
      assert.deepEqual(await axeViolations(page), []);
      await shots(page, "check-downloaded", shoot);

      // The printout leads with the record: its title on page 1, the guidance after the answers.
      mkdirSync(OUT, { recursive: true });
      const pdf = join(OUT, `issue21-print-${target}.pdf`);
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      assert.ok(first.includes("Dental contract handed back: Elm Road"), `page 1: ${first.slice(0, 400)}`);
      assert.ok(first.includes("The legal duty to involve the public applies"));
      const all = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      assert.ok(all.indexOf("Step 1: Describe the activity") < all.indexOf("How the decision was made"), "answers before the reasons and guidance");
    }));

  test(`${target}: a bad file after a good one: no success message, and the error says what the file is`, () =>
    withTarget(target, async (page) => {
      await page.setInputFiles("#load-file", COMPLETE);
      await page.waitForSelector("#notice");
      mkdirSync(OUT, { recursive: true });
      const bad = join(OUT, "issue21-not-involve.json");
      writeFileSync(bad, "{ this is not what Involve saves");
      await page.setInputFiles("#load-file", bad);
      await page.waitForSelector("#error-summary");
      assert.equal(await page.locator("#notice").count(), 0, "the success message has gone");
      const summary = await page.textContent("#error-summary");
      assert.match(summary, /This is not an Involve file/);
      assert.doesNotMatch(summary, /JSON format|line 1/);
      assert.match(await page.textContent("#load-file-detail"), /not_json: .*line 1, column 3/);
      assert.deepEqual(await axeViolations(page), []);
      await shots(page, "load-error", shoot);
      const newer = join(OUT, "issue21-newer.json");
      writeFileSync(newer, readFileSync(COMPLETE, "utf8").replace('"version": 2', '"version": 99'));
      await page.setInputFiles("#load-file", newer);
      await page.waitForFunction(() => /newer version of Involve/.test(document.getElementById("error-summary")?.textContent || ""));
    }));

  test(`${target}: a two-digit year says the year needs 4 numbers; the plan page shows nothing to check before anything is typed`, () =>
    withTarget(target, async (page) => {
      await go(page, "#/b-sign-off");
      assert.match(await page.textContent("#maincontent"), /For example, 15 3 2026/);
      await answerAll(page, [["b.completed_by.date", { date: ["30", "6", "25"] }]]);
      await saveAndContinue(page);
      const summary = await page.textContent("#error-summary");
      assert.match(summary, /Date completed must include a year with 4 numbers/);
      assert.doesNotMatch(summary, /must be a real date/);
      await go(page, "#/plan-c");
      assert.equal(await page.locator("#warnings").count(), 0);
      assert.doesNotMatch(await page.textContent("#maincontent"), /Check your answer/);
      await page.click("#add-milestone");
      await shots(page, "plan-c", shoot);
      // The Remove button stands apart from the Year box.
      const gap = await page.evaluate(() => {
        const year = document.getElementById("c.timescales[0].date-year").getBoundingClientRect();
        const remove = document.querySelector(".app-remove").getBoundingClientRect();
        return remove.top - year.bottom;
      });
      assert.ok(gap >= 16, `Remove is ${gap}px below the Year box`);
    }));

  test(`${target}: at 320 px the route is listed in words, the route taken marked`, () =>
    withTarget(target, async (page) => {
      await completeSection(page, "screening", SCREENING_CCG_PLANNING);
      await page.setViewportSize({ width: 320, height: 640 });
      const steps = page.locator("#maincontent .app-diagram__steps");
      assert.ok(await steps.isVisible(), "the list in words is shown");
      assert.ok(!(await page.locator("#maincontent .app-diagram svg").isVisible()), "the tiny diagram is not");
      assert.match(await steps.textContent(), /Your route/);
      const size = await steps.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(size >= 16, `text ${size}px`);
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.ok(await page.locator("#maincontent .app-diagram svg").isVisible());
      assert.ok(!(await steps.isVisible()));
      await shots(page, "decision", shoot);
    }));
}

// Screening one question page at a time, as the two people of issue 21 walk
// it: by the headings, questions and options on screen, never by field id.
// Each page lists its heading (a page with one question makes that question
// its h1, the NHS question-page pattern) and its questions by their visible
// wording; a question that cannot apply to the answers so far is never on
// screen.
const group = (page, name) => page.getByRole("group", { name, exact: true });
/** Answers one question by its visible wording: options by their labels, text by its label (within `within`'s group when the label repeats). */
async function say(page, [question, value, within]) {
  if (Array.isArray(value)) {
    for (const option of value) await group(page, question).getByLabel(option, { exact: true }).check();
  } else {
    const scope = within ? group(page, within) : page;
    await scope.getByLabel(question, { exact: true }).fill(value);
  }
}

const ELSEWHERE = "Explain your answer and provide further details";
const PEOPLE = [
  {
    who: "an ICB commissioning manager with a dental contract handed back",
    pages: [
      ["Screen for the legal duty", [["Whose activity is this?", ["Joint working: a delegation, a joint committee or a lead provider"]]]],
      ["Joint working", [
        ["Which kind of joint working is it?", ["NHS England functions delegated to an integrated care board"]],
        ["Whose function is it?", ["An integrated care board (ICB)"]],
        ["Which organisation do you work for?", ["An integrated care board (ICB)"]],
        ["Which organisations carry out the work or take part?", "NHS North Example Integrated Care Board"],
      ]],
      ["Does the activity relate to commissioning responsibilities?", [["Does the activity relate to commissioning responsibilities?", ["Yes"]]]],
      ["What type of activity is it?", [["What type of activity is it?", ["Operational decisions that change or affect the way a service operates"]]]],
      ["Step 3: what impact will it have?", [
        ["An impact on how services are delivered?", ["Yes"]],
        [ELSEWHERE, "Patients of the Elm Street dental practice move to other practices", "An impact on how services are delivered?"],
        ["An impact on the range of health services available?", ["No"]],
      ]],
      ["From the perspective of patients, could any of these matters be affected?", [["From the perspective of patients, could any of these matters be affected?", ["Transport links"]]]],
      ["Does the activity relate to matters in a trust special administrator's report or draft report?", [["Does the activity relate to matters in a trust special administrator's report or draft report?", ["No"]]]],
      ["Does a decision need to be taken urgently?", [["Does a decision need to be taken urgently?", ["No"]]]],
      ["Do any of these circumstances apply?", [["Do any of these circumstances apply?", ["There is likely to be significant public interest"]]]],
      ["Is the activity a proposal for a substantial development or variation of the health service in the area?", [["Is the activity a proposal for a substantial development or variation of the health service in the area?", ["No"]]]],
      ["Has there been a previous public involvement exercise that is relevant to this activity?", [["Has there been a previous public involvement exercise that is relevant to this activity?", ["No"]]]],
      ["Does an equality impact analysis indicate the need for engagement?", [["Does an equality impact analysis indicate the need for engagement?", ["No"]]]],
    ],
    never: [/Why is the decision urgent\?/],
    change: ["Does a decision need to be taken urgently?", "Does a decision need to be taken urgently?", "No"],
    result: [/NHS England/, /section 13Q/],
  },
  {
    who: "a trust engagement manager closing a ward for unsafe staffing",
    pages: [
      ["Screen for the legal duty", [["Whose activity is this?", ["An NHS trust or NHS foundation trust"]]]],
      ["Does the activity relate to health services the trust is responsible for?", [["Does the activity relate to health services the trust is responsible for?", ["Yes"]]]],
      ["What type of activity is it?", [["What type of activity is it?", ["Decisions that affect the operation of services"]]]],
      ["Step 3: what impact will it have?", [
        ["An impact on how services are delivered?", ["Yes"]],
        [ELSEWHERE, "Patients of Ward 7 are cared for on Wards 5 and 9 at the General", "An impact on how services are delivered?"],
        ["An impact on the range of health services available?", ["Yes"]],
        [ELSEWHERE, "No inpatient stroke rehabilitation beds at Riverside for now", "An impact on the range of health services available?"],
      ]],
      ["From the perspective of patients, could any of these matters be affected?", [["From the perspective of patients, could any of these matters be affected?", ["Transport links"]]]],
      ["Does a decision need to be taken urgently?", [
        ["Does a decision need to be taken urgently?", ["Yes"]],
        ["Why is the decision urgent?", ["There is a genuine risk to the health, safety or welfare of patients or staff"]],
        ["Explain why there is not enough time for a fair and proportionate involvement exercise", "Nurse staffing on Ward 7 fell below safe levels from Monday"],
      ]],
      ["Do any of these circumstances apply?", [["Do any of these circumstances apply?", ["There is likely to be significant public interest"]]]],
      ["Is the activity a proposal for a substantial development or variation of the health service in the area?", [["Is the activity a proposal for a substantial development or variation of the health service in the area?", ["Yes"]]]],
      ["Has there been a previous public involvement exercise that is relevant to this activity?", [["Has there been a previous public involvement exercise that is relevant to this activity?", ["No"]]]],
      ["Does an equality impact analysis indicate the need for engagement?", [["Does an equality impact analysis indicate the need for engagement?", ["No"]]]],
    ],
    // A trust is never asked about its own special administrator (s.14Z45(7) and s.13Q(4) are commissioners' exceptions), nor about joint working.
    never: [/trust special administrator/, /Which kind of joint working is it\?/],
    change: ["Does the activity relate to health services the trust is responsible for?", "Does the activity relate to health services the trust is responsible for?", "Yes"],
    result: [/urgent on safety grounds/, /section 242/],
  },
];

for (const target of ["hosted", "offline"]) {
  const shoot = target === "hosted";
  for (const person of PEOPLE) {
    test(`${target}: ${person.who}: screening one question page at a time by what is on screen, its check of the answers, a change, then the result`, () =>
      withTarget(target, async (page) => {
        await button(page, "Start now").click();
        await page.waitForFunction(() => location.hash === "#/tasks");
        await link(page, "Screen for the legal duty").click();
        await page.waitForFunction(() => location.hash === "#/screening/organisation");
        // An empty first page: one error, for its one question.
        await button(page, "Save and continue").click();
        await page.waitForSelector("#error-summary");
        assert.match(await page.textContent("#error-summary"), /There is a problem/);
        assert.equal(await page.locator("#error-summary li").count(), 1);

        for (const [i, [heading, questions]] of person.pages.entries()) {
          assert.equal(await h1(page), heading, `page ${i + 1}`);
          for (const row of questions) await say(page, row);
          // The questions on screen, once answered (reveals open), are exactly the ones this person is asked here, in order.
          const asked = await page.evaluate(() => [...document.querySelectorAll("main fieldset > legend")].filter((l) => l.checkVisibility()).map((l) => l.textContent.trim()));
          assert.deepEqual(asked, questions.filter(([, v]) => Array.isArray(v)).map(([q]) => q), heading);
          const text = await page.textContent("main");
          for (const re of person.never) assert.doesNotMatch(text, re, `${heading} never asks ${re}`);
          const before = await page.evaluate(() => location.hash);
          await button(page, "Save and continue").click();
          await page.waitForFunction((b) => location.hash !== b || document.getElementById("error-summary"), before);
          assert.equal(await page.locator("#error-summary").count(), 0, `${heading}: no errors`);
        }

        // The screening's own check of the answers: every answer given, each with a Change link.
        await page.waitForFunction(() => location.hash === "#/screening/check");
        assert.equal(await h1(page), "Check your screening answers");
        const check = await page.textContent("main");
        for (const [, questions] of person.pages) {
          for (const [q, v, within] of questions) {
            if (!within) assert.ok(check.includes(q), `check lists ${q}`);
            for (const answer of [].concat(v)) assert.ok(check.includes(answer), `check shows ${answer}`);
          }
        }
        assert.equal(await page.locator("#screen-check-incomplete").count(), 0, "nothing left to answer");
        for (const re of person.never) assert.doesNotMatch(check, re);
        assert.deepEqual(await axeViolations(page), []);
        await shots(page, `screen-check-${person.pages.length}-pages`, shoot);

        // Change an answer: its page, the answer kept; saving returns to the check page.
        const [question, heading, given] = person.change;
        await link(page, `Change ${question}`).click();
        await page.waitForFunction(() => location.hash !== "#/screening/check");
        assert.equal(await h1(page), heading);
        assert.ok(await group(page, question).getByLabel(given, { exact: true }).isChecked(), "the answer is kept");
        await button(page, "Save and continue").click();
        await page.waitForFunction(() => location.hash === "#/screening/check");

        await button(page, "Continue to the result").click();
        await page.waitForFunction(() => location.hash === "#/decision");
        assert.equal(await h1(page), "Screening result");
        const result = await page.textContent("main");
        assert.match(result, /The legal duty to involve the public applies/);
        for (const re of person.result) assert.match(result, re);
      }));
  }
}
