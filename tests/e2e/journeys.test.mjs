// Whole journeys on both delivery targets: a CCG planning activity (the duty
// applies) through every section to Check answers, Download (checked by the
// native CLI), load back in a fresh browser, and print to PDF; and an
// activity with no impact (the duty does not apply).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, TARGETS, openTarget, screenshot, withTarget, APP_READY } from "./harness.mjs";
import {
  SCREENING_GP_RETIREMENT,
  answerAll,
  appendixB,
  assertNoRawCodes,
  cliPath,
  completeCcgPlanning,
  completeSection,
  download,
  go,
  h1,
  saveAndContinue,
} from "./app.mjs";

/** The Check answers page's summary lists as text (keys and values, without the Change links). */
const checkAnswers = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#maincontent .nhsuk-summary-list__row")].map(
      (r) => `${r.querySelector("dt").innerText.trim()} = ${r.querySelector(".nhsuk-summary-list__value").innerText.trim()}`,
    ),
  );

for (const target of TARGETS) {
  test(`${target}: journey 1, CCG planning: every section, check answers, download (CLI exit 0), load back, print to PDF`, () =>
    withTarget(target, async (page) => {
      await completeCcgPlanning(page);
      assert.equal(await page.textContent("#task-progress"), "You have completed 8 of 9 sections.");
      assert.equal((await page.textContent("#task-check-status")).trim(), "Not started", "never Completed before it is opened");
      await go(page, "#/check");
      assert.equal(await h1(page), "Check your answers");
      assert.equal((await page.textContent("#check-state")).trim(), "All sections are complete.");
      assert.match(await page.textContent("#maincontent"), /The legal duty to involve the public applies/);
      await assertNoRawCodes(page, "check answers");
      const shown = await checkAnswers(page);
      assert.ok(shown.includes("Title of the plan, proposal, project or commissioning activity = Community nursing strategy 2027 to 2030"), shown.join("\n"));

      // Download: the versioned document with verdict, validation and digest.
      const file = await download(page, "#download");
      assert.match(file.name, /\.json$/);
      const doc = JSON.parse(file.text);
      assert.equal(doc.format, "involve");
      assert.equal(doc.version, 2);
      assert.equal(doc.ruleset, "nhse-2017");
      assert.equal(doc.verdict.code, "applies");
      assert.deepEqual(doc.verdict.duties, [{ body: "ccg", section: "14Z2", limb: "a" }]);
      assert.equal(doc.validation.complete, true, JSON.stringify(doc.validation));
      assert.match(doc.digest, /^sha256:[0-9a-f]{64}$/);
      assert.equal(doc.answers.b.title, "Community nursing strategy 2027 to 2030");
      assert.equal(doc.answers.b.completed_by.email, "alex.morgan@example.nhs.uk");
      assert.deepEqual(doc.answers.screening.activities, ["planning"]);
      assert.equal(doc.answers.c.project_lead, "Sam Patel");
      assert.equal(doc.answers.c.timescales[0].what, "Listening events finish");
      mkdirSync(OUT, { recursive: true });
      const saved = join(OUT, `journey-1-${target}.json`);
      writeFileSync(saved, file.text);

      // The governance team's CLI accepts the same file.
      const cli = spawnSync(cliPath(), ["check", saved], { encoding: "utf8" });
      assert.equal(cli.status, 0, `involve check exited ${cli.status}\n${cli.stdout}\n${cli.stderr}`);

      // Load it back in a fresh browser (new profile, empty storage): same answers.
      const fresh = await openTarget(target);
      try {
        await fresh.page.setInputFiles("#load-file", saved);
        await fresh.page.waitForSelector("#notice");
        assert.equal(await h1(fresh.page), "Assess and plan public involvement");
        assert.equal(await fresh.page.textContent("#task-progress"), "You have completed 8 of 9 sections.");
        await go(fresh.page, "#/check");
        assert.deepEqual(await checkAnswers(fresh.page), shown);
        await fresh.assertClean();
      } finally {
        await fresh.close();
      }

      // Print: the print view as a PDF, read back as text.
      await go(page, "#/check");
      const pdf = join(OUT, `journey-1-${target}.pdf`);
      await page.pdf({ path: pdf, format: "A4" });
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
      const flat = text.replace(/\s+/g, " ");
      for (const want of [
        "Appendix B: Patient and public participation assessment and planning form",
        "Step 1: Describe the activity",
        "Step 2: Does the legal duty apply",
        "Step 3: Existing arrangements and insight",
        "Step 4: Additional arrangements for involvement",
        "Step 5: Planning for impact and feedback",
        "Completed by and senior sign-off",
        "Appendix C: Communications and engagement plan",
        "Key messages",
        "Timescales",
        "Community nursing strategy 2027 to 2030",
        "alex.morgan@example.nhs.uk",
        "Listening events finish",
        "The legal duty to involve the public applies",
        "14Z2",
        "nhse-2017",
        doc.digest.replace(/^sha256:/, ""),
        "All required answers are given.",
      ]) {
        assert.ok(flat.includes(want), `the PDF lacks "${want}"`);
      }
      // Reasons: each has the user's answer and a source.
      assert.match(flat, /Your answer: /);
      assert.match(flat, /Source: /);
      // Nothing from the screen: no Change links, navigation, buttons or footer.
      for (const never of ["Change", "Skip to main content", "Back to task list", "Download answers", "Print or save as PDF", "Save and continue", "Involve homepage"]) {
        assert.ok(!flat.includes(never), `the PDF shows screen text "${never}"`);
      }
      await page.emulateMedia({ media: "print" });
      await screenshot(page, `print-${target}`);
      await page.emulateMedia({ media: "screen" });
    }));

  test(`${target}: journey 2, GP retirement with no impact: does not apply, Steps 3 to 5 still required`, () =>
    withTarget(target, async (page) => {
      await page.click("#start-now");
      await completeSection(page, "screening", SCREENING_GP_RETIREMENT);
      assert.equal(await page.evaluate(() => location.hash), "#/decision");
      const decision = await page.textContent("#maincontent");
      assert.match(decision, /The legal duty to involve the public does not apply/);
      await assertNoRawCodes(page, "decision, does not apply");
      await screenshot(page, `decision-does-not-apply-${target}`);

      const b = appendixB({ title: "Retirement of Dr Lee, Elm Road surgery", additional: "no" });
      await completeSection(page, "b-step-1", b["b-step-1"]);
      await completeSection(page, "b-step-2", [
        ["b.opinion", { choose: "no" }],
        ["b.opinion_reason", "An operational change with no impact on services: patients keep the same practice"],
      ]);
      // Steps 3 to 5 are required even when the duty does not apply.
      for (const slug of ["b-step-3", "b-step-4", "b-step-5"]) {
        await go(page, `#/${slug}`);
        await saveAndContinue(page);
        assert.equal(await page.evaluate(() => location.hash), `#/${slug}`, `${slug}: moved on while empty`);
        const errors = await page.locator("#error-summary li").allTextContents();
        assert.ok(errors.length >= 1, `${slug}: no errors when empty`);
        assert.match(await page.title(), /^Error: /);
        await answerAll(page, b[slug]);
        await saveAndContinue(page);
        assert.equal(await page.locator("#error-summary").count(), 0, `${slug}: errors after completing`);
      }
      await completeSection(page, "b-sign-off", b["b-sign-off"]);
      assert.equal(await page.textContent("#task-progress"), "You have completed 7 of 8 sections.");
      assert.match(await page.textContent("#task-verdict"), /does not apply/);
      await go(page, "#/check");
      assert.equal((await page.textContent("#check-state")).trim(), "All sections are complete.");
      const doc = JSON.parse((await download(page)).text);
      assert.equal(doc.verdict.code, "does_not_apply");
      assert.equal(doc.validation.complete, true, JSON.stringify(doc.validation));
    }));

  // The hidden print view is not re-rendered on every keystroke; printing
  // (which fires beforeprint) or a pause in typing brings it up to date.
  test(`${target}: printing straight after typing, without leaving the page, prints what was typed`, () =>
    withTarget(target, async (page) => {
      await go(page, "#/b-step-1");
      await page.fill('[id="b.title"]', "Typed just before printing");
      await page.locator('[id="b.description"]').pressSequentially("Last words");
      const pdf = join(OUT, `print-after-typing-${target}.pdf`);
      await page.pdf({ path: pdf });
      const printed = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      assert.ok(printed.includes("Typed just before printing"), "the PDF has the title typed last");
      assert.ok(printed.includes("Last words"), "the PDF has the last keystrokes");
      // Print media without a print event (as the tests' emulateMedia): up to date once typing pauses.
      await page.locator('[id="b.objectives"]').pressSequentially("Paused here");
      await page.waitForFunction(() => document.getElementById("print-view").textContent.includes("Paused here"), null, { timeout: 2000 });
    }));
}

test("hosted: left open past midnight, the new day's date is accepted as today", () =>
  withTarget("hosted", async (page) => {
    // Started at 23:59:50 on 14 March 2030 ...
    await page.clock.setFixedTime(new Date(2030, 2, 14, 23, 59, 50));
    await page.reload();
    await page.waitForSelector(APP_READY);
    await go(page, "#/b-sign-off");
    // ... and the form is filled in after midnight, with that day's date.
    await page.clock.setFixedTime(new Date(2030, 2, 15, 0, 0, 10));
    await answerAll(page, [["b.completed_by.date", { date: ["15", "3", "2030"] }]]);
    await saveAndContinue(page);
    const messages = await page.$$eval(".nhsuk-error-message", (els) => els.map((e) => e.textContent));
    assert.ok(messages.length > 0, "the other sign-off questions are still unanswered");
    assert.ok(!messages.some((m) => /today or in the past/.test(m)), `the date was called future: ${messages.join(" | ")}`);
  }));
