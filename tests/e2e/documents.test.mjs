// Documents to edit (issue 18), on both targets: "Download as a document"
// (.odt and .docx) on check answers and the screening result, and the review
// page's annual report (.odt, .docx and CSV) with its period in the GOV.UK
// date pattern. Each download is a real package (unzip lists it, LibreOffice
// reads it when soffice is here) holding the form's title; axe on the pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TARGETS, withTarget, axeViolations, ROOT, OUT } from "./harness.mjs";
import { go } from "./app.mjs";

const FIXTURES = join(ROOT, "tests", "fixtures");
const TITLE = JSON.parse(readFileSync(join(FIXTURES, "complete.json"), "utf8")).answers.b.title;

/** Clicks `selector` and returns the download's suggested name and bytes. */
async function downloadBytes(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** What the user sees (the viewport, not the whole page), to tests/e2e/out. */
async function screenshot(page, name) {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

/** One part of a zip package, by `unzip -p`. */
function part(bytes, name) {
  const dir = mkdtempSync(join(tmpdir(), "involve-doc-"));
  try {
    const file = join(dir, "doc.zip");
    writeBytes(file, bytes);
    execFileSync("unzip", ["-tq", file]);
    return execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 1 << 26 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeBytes(file, bytes) {
  writeFileSync(file, bytes);
}

/** The text LibreOffice reads from a document, or null without soffice. */
function officeText(bytes, ext) {
  if (spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "involve-office-"));
  try {
    const file = join(dir, `doc.${ext}`);
    writeBytes(file, bytes);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, file], { stdio: "ignore" });
    return readFileSync(join(dir, "doc.txt"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertPackage(doc, ext) {
  assert.equal(doc.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04", `${doc.name} is a zip`);
  if (ext === "odt") {
    assert.equal(doc.bytes.subarray(30, 38).toString("latin1"), "mimetype", "mimetype first");
    return part(doc.bytes, "content.xml");
  }
  return part(doc.bytes, "word/document.xml");
}

for (const target of TARGETS) {
  test(`${target}: check answers and the screening result download the form as .odt and .docx`, { timeout: 180_000 }, () =>
    withTarget(target, async (page) => {
      await page.setInputFiles("#load-file", join(FIXTURES, "complete.json"));
      await page.waitForFunction(() => location.hash === "#/tasks");
      await go(page, "#/check");
      for (const ext of ["odt", "docx"]) {
        const button = page.locator(`#document-${ext}`);
        assert.equal(await button.textContent(), `Download as a document (.${ext})`);
        const doc = await downloadBytes(page, `#document-${ext}`);
        assert.match(doc.name, new RegExp(`^involve-gp-practice-closure-[a-z0-9-]+\\.${ext}$`));
        const xml = assertPackage(doc, ext);
        assert.ok(xml.includes(TITLE.replace(/&/g, "&amp;")), `${ext}: the title is in the document`);
        const text = officeText(doc.bytes, ext);
        if (text !== null) {
          assert.match(text, /The legal duty to involve the public applies/);
          assert.match(text, /Step 5: Planning for impact and feedback/);
        }
      }
      assert.deepEqual(await axeViolations(page), [], "check answers");
      await page.locator("#document-odt").scrollIntoViewIfNeeded();
      await screenshot(page, `documents-check-${target}`);
      await go(page, "#/decision");
      const doc = await downloadBytes(page, "#decision-document-docx");
      assert.ok(assertPackage(doc, "docx").includes("How this was decided"));
      assert.deepEqual(await axeViolations(page), [], "screening result");
    }));

  test(`${target}: the review page's annual report: period problems, then .odt, .docx and CSV`, { timeout: 180_000 }, () =>
    withTarget(target, async (page) => {
      await go(page, "#/review");
      await page.setInputFiles("#review-files", ["complete.json", "icb-2022.json", "trust-2022.json", "not-json.json"].map((f) => join(FIXTURES, f)));
      await page.waitForSelector("#report-heading");
      // Asking without a period: the GOV.UK error summary, focused, linking to the day box.
      await page.click("#report-odt");
      await page.waitForSelector("#report-errors");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "report-errors");
      assert.deepEqual(await page.locator("#report-errors li").allTextContents(), ["Enter the start of the period", "Enter the end of the period"]);
      assert.equal(await page.getAttribute("#report-errors a >> nth=0", "href"), "#report-from-day");
      assert.deepEqual(await axeViolations(page), [], "review with report errors");
      await page.locator("#report-heading").scrollIntoViewIfNeeded();
      await screenshot(page, `documents-report-errors-${target}`);
      for (const [id, v] of [["report-from-day", "1"], ["report-from-month", "4"], ["report-from-year", "2026"], ["report-to-day", "31"], ["report-to-month", "3"], ["report-to-year", "2027"]]) {
        await page.fill(`#${id}`, v);
      }
      const odt = await downloadBytes(page, "#report-odt");
      assert.equal(odt.name, "involve-annual-report-2026-04-01-to-2027-03-31.odt");
      assert.equal(await page.locator("#report-errors").count(), 0, "the problems are gone");
      const xml = assertPackage(odt, "odt");
      assert.ok(xml.includes("Activities where the duty applied") && xml.includes("not-json.json"));
      assertPackage(await downloadBytes(page, "#report-docx"), "docx");
      await page.fill("#report-org", "ICB");
      const csv = (await downloadBytes(page, "#report-csv")).bytes.toString("utf8");
      assert.ok(csv.startsWith("\uFEFFFile,Title,Organisation"), csv.slice(0, 80));
      const rows = csv.split("\r\n").filter(Boolean);
      assert.equal(rows.length, 5, "a header and one row per file");
      assert.match(csv, /icb-2022\.json,[^\r]*,Yes,\r\n/);
      assert.match(csv, /trust-2022\.json,[^\r]*,No,Not ICB's/);
    }));
}
