// The 2022 law as ICBs and trusts practise it (issue 17), on both delivery
// targets, driven by what is on screen:
//   - an ICB commissioning manager records NHS England's delegated dental
//     contract closure (s.65Z5): NHS England's s.13Q duty, done by the ICB,
//     even when she answers "whose function" with her own ICB;
//   - a trust engagement manager closes a ward at once for unsafe staffing:
//     the local authority is told at once (SI 2013/218 reg 23(2)-(3)), the
//     change is not notifiable, and the scrutiny record asks when and why;
//   - each through the equality record, download, involve check, load back
//     and print, with axe on every new page and state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, TARGETS, axeViolations, openTarget, screenshot, withTarget } from "./harness.mjs";
import { EQUALITY_2022 as EQUALITY, appendixB, cliPath, completeSection, download, go, todayParts, visibleText } from "./app.mjs";

const choose = (v) => ({ choose: v });
const tick = (...v) => ({ tick: v });
const date = (parts) => ({ date: parts });


const JOURNEYS = [
  {
    name: "ICB: NHS England's delegated dental contract ends",
    slug: "delegated",
    screening: [
      ["screening.body", choose("joint")],
      ["screening.joint_model", choose("delegated_to_icb")],
      // Her own ICB: "it's our job now". The rules read the delegation as NHS England's function.
      ["screening.function_holder", choose("icb")],
      ["screening.respondent", choose("icb")],
      ["screening.partner_bodies", "NHS North Example Integrated Care Board"],
      ["screening.relates_to_commissioning", choose("yes")],
      ["screening.activities", tick("operational")],
      ["screening.impact_delivery", choose("yes")],
      ["screening.impact_delivery_detail", "Patients of the Elm Street dental practice move to other practices"],
      ["screening.impact_range", choose("no")],
      ["screening.patient_matters", tick("transport")],
      ["screening.urgent", choose("no")],
      ["screening.public_interest", tick("significant_interest")],
      ["screening.substantial_variation", choose("no")],
      ["screening.previous_involvement", choose("no")],
      ["screening.equality_need", choose("no")],
    ],
    decision: [/NHS England/, /section 13Q/, /\(2\)\(c\)/, /Give NHS England the assurance/, /you answered/],
    absent: [/Agree with NHS North Example/],
    duty: { body: "nhs_england", section: "13Q", limb: "c" },
    firstAction: null,
    title: "Elm Street dental practice contract ends",
    location: "NHS North Example Integrated Care Board",
    scrutiny: null,
  },
  {
    name: "Trust: a ward closes on Monday for unsafe staffing",
    slug: "urgent",
    screening: [
      ["screening.body", choose("nhs_trust")],
      ["screening.relates_to_commissioning", choose("yes")],
      ["screening.activities", tick("operational")],
      ["screening.impact_delivery", choose("yes")],
      ["screening.impact_delivery_detail", "Patients of Ward 7 are cared for on Wards 5 and 9 at the General"],
      ["screening.impact_range", choose("yes")],
      ["screening.impact_range_detail", "No inpatient stroke rehabilitation beds at Riverside for now"],
      ["screening.patient_matters", tick("transport")],
      ["screening.urgent", choose("yes")],
      ["screening.urgency_ground", choose("risk_to_safety")],
      ["screening.urgency_justification", "Nurse staffing on Ward 7 fell below safe levels from Monday"],
      ["screening.public_interest", tick("significant_interest")],
      ["screening.substantial_variation", choose("yes")],
      ["screening.previous_involvement", choose("no")],
      ["screening.equality_need", choose("no")],
    ],
    decision: [/urgent on safety grounds/, /section 242/, /at once/, /regulation 23\(2\)/i],
    absent: [/Notify the Secretary of State/, /Consider starting engagement early/],
    duty: { body: "nhs_trust", section: "242", limb: "c" },
    firstAction: "notify_local_authority_of_urgent_decision",
    title: "Ward 7 temporary closure for unsafe staffing",
    location: "Anytown Hospitals NHS Foundation Trust",
    scrutiny: [
      ["b.scrutiny.committee", "Anytown Council Health Overview and Scrutiny Committee"],
      ["b.scrutiny.urgent_told_date", date(todayParts())],
      ["b.scrutiny.urgent_reason", "Safe staffing could not be kept on Ward 7 from Monday"],
    ],
  },
];

function appendix(j) {
  const b = appendixB({ title: j.title, additional: "no" });
  b["b-step-1"] = [
    ["b.location", j.location],
    ["b.title", j.title],
    ["b.description", `${j.title}: what changes and for whom`],
    ["b.objectives", "Safe care for everyone affected"],
  ];
  b["b-step-2"] = [
    ["b.opinion", choose("yes")],
    ["b.opinion_reason", "A decision affecting how services operate, with an impact on how they are delivered"],
  ];
  return b;
}

for (const target of TARGETS) {
  for (const j of JOURNEYS) {
    test(`${target}: ${j.name}: the obligations the law gives, the records it asks for, download, CLI check, load back and print`, () =>
      withTarget(target, async (page) => {
        await page.click("#start-now");
        await page.waitForFunction(() => location.hash === "#/tasks");
        await completeSection(page, "screening", j.screening);
        assert.equal(await page.evaluate(() => location.hash), "#/decision");
        const decision = await visibleText(page);
        assert.match(decision, /The legal duty to involve the public applies/);
        for (const re of j.decision) assert.match(decision, re);
        for (const re of j.absent) assert.doesNotMatch(decision, re);
        assert.deepEqual(await axeViolations(page), [], `axe on the ${j.slug} decision page`);
        await screenshot(page, `law2022-decision-${j.slug}-${target}`);

        for (const [slug, rows] of Object.entries(appendix(j))) await completeSection(page, slug, rows);
        // The equality record: asked of every 2022 assessment.
        await go(page, "#/equality");
        assert.match(await visibleText(page), /Equality and health inequalities/);
        assert.deepEqual(await axeViolations(page), [], "axe on the equality record");
        await completeSection(page, "equality", EQUALITY);
        // The scrutiny record: only for a substantial development or variation.
        await go(page, "#/tasks");
        const tasks = await visibleText(page);
        assert.equal(/Scrutiny and notification record/.test(tasks), Boolean(j.scrutiny), "the scrutiny record is offered only when it applies");
        if (j.scrutiny) {
          await go(page, "#/scrutiny");
          const s = await visibleText(page);
          assert.match(s, /When did you tell the local authority of the urgent decision\?/);
          assert.doesNotMatch(s, /notifiable reconfiguration\?/, "an urgent safety change is not notifiable");
          // Save and continue empty: the error summary names what is missing.
          await page.getByRole("button", { name: "Save and continue" }).click();
          await page.waitForSelector("#error-summary");
          assert.match(await page.textContent("#error-summary"), /There is a problem/);
          assert.deepEqual(await axeViolations(page), [], "axe on the scrutiny record with errors");
          await screenshot(page, `law2022-scrutiny-errors-${target}`);
          await completeSection(page, "scrutiny", j.scrutiny);
        }
        await go(page, "#/check");
        assert.deepEqual(await axeViolations(page), [], "axe on check answers");

        const file = await download(page, "#download");
        const doc = JSON.parse(file.text);
        assert.equal(doc.ruleset, "nhse-2022");
        assert.equal(doc.verdict.code, "applies");
        assert.deepEqual(doc.verdict.duties, [j.duty]);
        assert.equal(doc.validation.complete, true, JSON.stringify(doc.validation.issues));
        if (j.firstAction) assert.equal(doc.verdict.actions[0].code, j.firstAction);
        assert.ok(!doc.verdict.actions.some((a) => a.code === "notify_reconfiguration"), "no notification");
        mkdirSync(OUT, { recursive: true });
        const saved = join(OUT, `law2022-${j.slug}-${target}.json`);
        writeFileSync(saved, file.text);

        const cli = spawnSync(cliPath(), ["check", "--json", saved], { encoding: "utf8" });
        assert.equal(cli.status, 0, `involve check exited ${cli.status}\n${cli.stdout}\n${cli.stderr}`);
        assert.match(cli.stdout, new RegExp(`"section": "${j.duty.section}"`));
        // The scrutiny record in involve check (issue 17): told at once, not notifiable.
        const record = JSON.parse(cli.stdout).files[0].scrutiny;
        if (j.scrutiny) {
          assert.equal(record.kind, "urgent");
          assert.equal(record.notification, "not_notifiable");
          assert.match(record.summary, /^Urgent on safety grounds, not consulted first \(regulation 23\(2\)\): Anytown Council Health Overview and Scrutiny Committee told of the decision on \d+ \w+ \d{4}\. Not notifiable\.$/);
        } else {
          assert.equal(record, null);
        }

        const fresh = await openTarget(target);
        try {
          await fresh.page.setInputFiles("#load-file", saved);
          await fresh.page.waitForSelector("#notice");
          await go(fresh.page, "#/decision");
          const again = await visibleText(fresh.page);
          for (const re of j.decision) assert.match(again, re);
          await fresh.assertClean();
        } finally {
          await fresh.close();
        }

        await go(page, "#/check");
        const pdf = join(OUT, `law2022-${j.slug}-${target}.pdf`);
        await page.pdf({ path: pdf, format: "A4" });
        const flat = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
        for (const want of [j.title, "Equality and health inequalities", `section ${j.duty.section}`]) {
          assert.ok(flat.includes(want), `the PDF lacks "${want}"`);
        }
        if (j.scrutiny) assert.ok(flat.includes("Scrutiny and notification record"), "the PDF lacks the scrutiny record");
        // The printout leads with the decision, urgency included.
        if (j.firstAction) assert.ok(flat.includes("urgent on safety grounds"), "the printed decision does not say the decision is urgent");
      }));
  }
}
