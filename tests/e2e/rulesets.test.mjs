// The 2022 law beside the 2017 guidance (issue 10), on both delivery targets:
//   - an ICB journey (walk-in centre closure: applies, s.14Z45(2)(c)) and an
//     NHS trust journey (moving an outpatient clinic: applies, s.242(1B)(c)),
//     each through every section to download, CLI check, load back and print;
//   - a 2017 file loads and shows its 2017 wording, and "Reassess under the
//     2022 guidance" copies it into a new 2022 assessment;
//   - a sweep: no 2022 page, print or CLI output says "CCG" or "clinical
//     commissioning group" (except the historical organisation option);
//   - axe finds no violations in the new states.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, ROOT, TARGETS, axeViolations, openTarget, screenshot, withTarget, APP_READY } from "./harness.mjs";
import {
  EQUALITY_2022 as EQUALITY,
  PLAN_C,
  PRINCIPLES_2022 as PRINCIPLES,
  answerAll,
  appendixB,
  assertNoRawCodes,
  cliPath,
  completeSection,
  dayParts,
  download,
  go,
  screeningAsks,
  h1,
  visibleText,
} from "./app.mjs";

const choose = (v) => ({ choose: v });
const tick = (...v) => ({ tick: v });

/** The rest of the screening, the same for both journeys. */
const CIRCUMSTANCES = [
  ["screening.patient_matters", tick("transport")],
  ["screening.urgent", choose("no")],
  ["screening.public_interest", tick("significant_interest")],
  ["screening.substantial_variation", choose("no")],
  ["screening.previous_involvement", choose("no")],
  ["screening.equality_need", choose("no")],
];

const JOURNEYS = [
  {
    name: "ICB walk-in centre closure",
    slug: "icb",
    screening: [
      ["screening.body", choose("icb")],
      ["screening.relates_to_commissioning", choose("yes")],
      ["screening.activities", tick("operational")],
      ["screening.impact_delivery", choose("yes")],
      ["screening.impact_delivery_detail", "Patients would travel to the urgent treatment centre in town instead"],
      ["screening.impact_range", choose("yes")],
      ["screening.impact_range_detail", "A walk-in service would no longer be available in the east of the borough"],
      ...CIRCUMSTANCES,
    ],
    title: "Closure of the Eastside walk-in centre",
    location: "Eastside, NHS Anyshire Integrated Care Board",
    duty: { body: "icb", section: "14Z45", limb: "c" },
    decision: [/section 14Z45/, /\(2\)\(c\)/],
  },
  {
    name: "NHS trust outpatient clinic move",
    slug: "trust",
    screening: [
      ["screening.body", choose("nhs_trust")],
      ["screening.relates_to_commissioning", choose("yes")],
      ["screening.activities", tick("operational")],
      ["screening.impact_delivery", choose("yes")],
      ["screening.impact_delivery_detail", "The dermatology clinic moves from the General to the Riverside site"],
      ["screening.impact_range", choose("no")],
      ...CIRCUMSTANCES,
    ],
    title: "Moving the dermatology outpatient clinic to Riverside",
    location: "Anytown Hospitals NHS Foundation Trust",
    duty: { body: "nhs_trust", section: "242", limb: "c" },
    decision: [/section 242/, /\(1B\)\(c\)/, /services the trust is responsible for/],
  },
];

/** Text with the one permitted historical mention (the CCG organisation option) taken out. */
const withoutHistoricalOption = (text) =>
  text
    .replace(/A clinical commissioning group \(before July 2022\)/g, "")
    .replace(/Historical: for a record of a decision made before 1 July 2022, when clinical commissioning groups were abolished\. The assessment then follows the 2017 guidance/g, "");

function assertNoCcg(text, where) {
  const rest = withoutHistoricalOption(text);
  const m = rest.match(/CCG|clinical commissioning group/i);
  assert.ok(!m, `${where} mentions "${m?.[0]}": …${m ? rest.slice(Math.max(0, m.index - 80), m.index + 80) : ""}…`);
}

/** Appendix B for a 2022 journey: the CCG journey's answers with this journey's words. */
function appendixB2022(j) {
  const b = appendixB({ title: j.title, additional: "yes" });
  b["b-step-1"] = [
    ["b.location", j.location],
    ["b.title", j.title],
    ["b.description", `${j.title}, after a review of how the service is used`],
    ["b.objectives", "Keep urgent care within reach for everyone who uses it now"],
  ];
  b["b-step-2"] = [
    ["b.opinion", choose("yes")],
    ["b.opinion_reason", "An operational decision with an impact on how services are delivered"],
  ];
  b["b-step-5"] = [
    ["b.impact_use", "Themes from the engagement shape the final decision"],
    ["b.feedback", "A you said, we did report on the website and at the board meeting"],
    ["b.ongoing_impact", "Quarterly patient experience survey"],
  ];
  return b;
}

for (const target of TARGETS) {
  for (const j of JOURNEYS) {
    test(`${target}: ${j.name}: applies under 2022 law, download, CLI check, load back, print, and no CCG anywhere`, () =>
      withTarget(target, async (page) => {
        await page.click("#start-now");
        await page.waitForFunction(() => location.hash === "#/tasks");
        assertNoCcg(await visibleText(page), "task list");
        await go(page, "#/screening");
        // The organisation question comes first.
        const first = await page.$eval("main fieldset legend", (l) => l.textContent.trim());
        assert.equal(first, "Whose activity is this?");
        assertNoCcg(await visibleText(page), "screening page");
        await completeSection(page, "screening", j.screening);
        // The special administrator exception is a commissioner's (s.14Z45(7), s.13Q(4)), never a trust's.
        assert.equal(
          await screeningAsks(page, "special-administrator", "screening.trust_special_administrator"),
          j.slug !== "trust",
          "the TSA question is asked of an ICB, not a trust",
        );
        await go(page, "#/decision");
        assert.equal(await page.evaluate(() => location.hash), "#/decision");
        const decision = await visibleText(page);
        assert.match(decision, /The legal duty to involve the public applies/);
        for (const re of j.decision) assert.match(decision, re);
        assert.match(decision, /2022/, "the decision page names the 2022 ruleset");
        assertNoCcg(decision, "decision page");
        await assertNoRawCodes(page, `decision ${j.slug}`);
        const v = await axeViolations(page);
        assert.deepEqual(v, [], `axe on the ${j.slug} decision page`);
        await screenshot(page, `decision-2022-${j.slug}-${target}`);

        const b = appendixB2022(j);
        for (const [slug, rows] of Object.entries(b)) {
          await go(page, `#/${slug}`);
          assertNoCcg(await visibleText(page), slug);
          await completeSection(page, slug, rows);
        }
        await go(page, "#/plan-c");
        await page.click("#prefill-c");
        await page.waitForSelector("#notice");
        await answerAll(page, PLAN_C);
        await answerAll(page, PRINCIPLES);
        await page.click("#add-milestone");
        await page.fill('[id="c.timescales[0].what"]', "Engagement closes");
        await answerAll(page, [["c.timescales[0].date", { date: dayParts(60) }]]);
        assertNoCcg(await visibleText(page), "plan-c");
        await page.getByRole("button", { name: "Save and continue" }).click();
        await page.waitForFunction(() => location.hash !== "#/plan-c" || document.getElementById("error-summary"));
        assert.deepEqual(await page.locator("#error-summary li").allTextContents(), []);
        await completeSection(page, "equality", EQUALITY);
        assert.equal(await page.textContent("#task-progress"), "You have completed 9 of 10 sections.");
        await go(page, "#/check");
        assertNoCcg(await visibleText(page), "check answers");
        assert.equal((await page.textContent("#check-state")).trim(), "All sections are complete.");

        const file = await download(page, "#download");
        const doc = JSON.parse(file.text);
        assert.equal(doc.ruleset, "nhse-2022");
        assert.equal(doc.verdict.code, "applies");
        assert.deepEqual(doc.verdict.duties, [j.duty]);
        assert.equal(doc.validation.complete, true, JSON.stringify(doc.validation));
        assertNoCcg(JSON.stringify(doc.verdict) + JSON.stringify(doc.validation), "downloaded verdict and validation");
        mkdirSync(OUT, { recursive: true });
        const saved = join(OUT, `journey-2022-${j.slug}-${target}.json`);
        writeFileSync(saved, file.text);

        // The CLI checks the same file and names the ruleset; it never says CCG.
        for (const args of [["check", saved], ["check", "--json", saved], ["check", "--summary", saved]]) {
          const cli = spawnSync(cliPath(), args, { encoding: "utf8" });
          assert.equal(cli.status, 0, `involve ${args.join(" ")} exited ${cli.status}\n${cli.stdout}\n${cli.stderr}`);
          assert.match(cli.stdout, /nhse-2022|2022/, `involve ${args[1]} names the ruleset`);
          assertNoCcg(cli.stdout, `involve ${args.join(" ")}`);
        }

        // Load it back in a fresh browser: the same ruleset and answers.
        const fresh = await openTarget(target);
        try {
          await fresh.page.setInputFiles("#load-file", saved);
          await fresh.page.waitForSelector("#notice");
          assert.equal(await fresh.page.textContent("#task-progress"), "You have completed 9 of 10 sections.");
          await go(fresh.page, "#/decision");
          const again = await visibleText(fresh.page);
          for (const re of j.decision) assert.match(again, re);
          assertNoCcg(again, "decision after loading");
          await fresh.assertClean();
        } finally {
          await fresh.close();
        }

        // Print: the PDF names the ruleset and the section, and never a CCG.
        await go(page, "#/check");
        const pdf = join(OUT, `journey-2022-${j.slug}-${target}.pdf`);
        await page.pdf({ path: pdf, format: "A4" });
        const flat = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
        for (const want of ["nhse-2022", j.duty.section, j.title, "The legal duty to involve the public applies"]) {
          assert.ok(flat.includes(want), `the PDF lacks "${want}"`);
        }
        assertNoCcg(flat, "printed PDF");
      }));
  }

  test(`${target}: a 2017 file loads with its 2017 wording, and reassessing copies it into a new 2022 assessment`, () =>
    withTarget(target, async (page) => {
      await page.setInputFiles("#load-file", join(ROOT, "tests", "fixtures", "complete.json"));
      await page.waitForSelector("#notice");
      await go(page, "#/decision");
      const old = await visibleText(page);
      assert.match(old, /section 14Z2/, "2017 wording: the CCG's section");
      assert.match(old, /2017/, "the decision page names the 2017 ruleset");
      assert.ok(await screeningAsks(page, "special-administrator", "screening.trust_special_administrator"), "2017 asks the TSA question");
      // The file keeps its ruleset on download.
      await go(page, "#/check");
      const again = JSON.parse((await download(page, "#download")).text);
      assert.equal(again.ruleset, "nhse-2017");

      await go(page, "#/tasks");
      await page.getByRole("button", { name: "Reassess under the 2022 guidance" }).click();
      await page.waitForSelector(APP_READY);
      const v = await axeViolations(page);
      assert.deepEqual(v, [], "axe on the reassess page");
      await screenshot(page, `reassess-${target}`);
      await page.getByLabel("Which integrated care board took over its functions?").fill("NHS Riverside Integrated Care Board");
      await page.getByLabel("Which clinical commissioning group made this assessment?").fill("NHS Riverside CCG");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForFunction(() => /converted|kept/i.test(document.body.innerText));
      const result = await visibleText(page);
      assert.match(result, /integrated care board/i);
      assert.deepEqual(await axeViolations(page), [], "axe on the reassess result");
      await screenshot(page, `reassess-result-${target}`);
      const doc = JSON.parse((await download(page, "#download")).text);
      assert.equal(doc.ruleset, "nhse-2022");
      assert.equal(doc.answers.screening.body, "icb");
      assert.ok(!JSON.stringify(doc.answers).includes("NHS Riverside CCG"), "the CCG's name was mapped to the ICB's");
    }));
}
