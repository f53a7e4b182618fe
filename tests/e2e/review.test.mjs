// "Review completed forms" (issue 11), on both targets: 520 generated
// documents with the project's bad-input corpus, a binary file named .json
// and a 50 MB file mixed in, chosen as a folder. The page's summary, CSV
// and JSON report are checked against `involve check` on the same folder;
// sorting, filtering, the per-file record, "Open this form" (which asks
// first), Cancel mid-run, the keyboard, axe in every state, and that the
// review never touches the saved answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TARGETS, withTarget, axeViolations, screenshot, ROOT } from "./harness.mjs";
import { cliPath, download, go, assertNoRawCodes } from "./app.mjs";
import { writeReviewFiles } from "./review-files.mjs";

const FORMS = 520;
let work, folder, jsonCount;

before(() => {
  work = mkdtempSync(join(tmpdir(), "involve-review-"));
  folder = join(work, "files");
  jsonCount = writeReviewFiles(folder, FORMS, { corpus: true, big: true });
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Today in the browser's (and this machine's) time zone, as YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** `involve check` on the folder, run from its parent so paths read `files/...` like the browser's. */
function cli(mode) {
  try {
    return execFileSync(cliPath(), ["check", mode, "--today", today(), "files"], { cwd: work, encoding: "utf8", maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout;
    throw e;
  }
}

/** RFC 4180 records. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  assert.equal(cell, "", "the CSV ends with CRLF");
  return rows;
}

async function axeClean(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe, ${state}`);
  await assertNoRawCodes(page, `review, ${state}`);
  assert.equal(await page.locator("h1").count(), 1, `${state}: one h1`);
}

/** Fits 320 px: no page-level horizontal scroll (the table scrolls in its own region). */
async function fits320(page, name, shoot) {
  if (shoot) await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 320, height: 640 });
  const { sw, iw } = await page.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, iw: innerWidth }));
  if (shoot) await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(sw <= iw, `${name}: horizontal scroll at 320 px (${sw} > ${iw})`);
}

const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

async function chooseFolder(page) {
  await page.setInputFiles("#review-folder", folder);
}

async function waitDone(page) {
  await page.waitForSelector("#review-results", { timeout: 120_000 });
}

for (const target of TARGETS) {
  test(`${target}: review 500+ forms with the corpus: summary, CSV and JSON equal involve check; sort, filter, record, open, keyboard, axe`, { timeout: 300_000 }, () =>
    withTarget(target, async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      // Saved answers of the user's own (a form loaded on the start page, autosaved).
      await page.setInputFiles("#load-file", join(ROOT, "tests", "fixtures", "complete.json"));
      await page.waitForFunction(() => location.hash === "#/tasks");
      await page.waitForFunction(() => localStorage.getItem("involve.answers"));
      await page.waitForTimeout(400);
      const saved = await storageSnapshot(page);

      // The start page links to the review.
      await go(page, "#/");
      await page.getByRole("link", { name: "Review completed forms" }).click();
      await page.waitForFunction(() => location.hash === "#/review");
      assert.equal((await page.textContent("main h1")).trim(), "Review completed forms");
      assert.equal(await page.title(), "Review completed forms \u2013 Involve");
      await axeClean(page, "empty");

      // Longest task while checking.
      // (From the change event on: the task before it is the browser building the folder's FileList.)
      await page.evaluate(() => {
        window.__longest = 0;
        window.__t0 = null;
        document.getElementById("review-folder").addEventListener("change", () => { window.__t0 = performance.now(); }, { capture: true });
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) if (window.__t0 !== null && e.startTime >= window.__t0 - 1) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: "longtask" });
      });
      const t0 = Date.now();
      await chooseFolder(page);
      await waitDone(page);
      const seconds = (Date.now() - t0) / 1000;
      const longest = await page.evaluate(() => window.__longest);
      console.log(`${target}: checked ${jsonCount} files in ${seconds.toFixed(2)} s (${Math.round(jsonCount / seconds)} files/s), longest task ${longest.toFixed(0)} ms`);
      // The goal is no task over 200 ms at normal speed (scripts/bench-ui.mjs
      // measures it, median of runs); this shared, busy test machine gets slack.
      assert.ok(longest < 400, `no task near 200 ms while checking (longest ${longest} ms)`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "review-results", "focus moves to the summary when done");
      assert.match(await page.textContent("#review-status"), new RegExp(`Checked ${jsonCount.toLocaleString("en-GB")} files`));

      // The summary equals `involve check --json` on the same folder.
      const report = JSON.parse(cli("--json"));
      const s = report.summary;
      assert.equal(s.files, jsonCount);
      assert.ok(s.unreadable >= 60 && s.digest_not_verified > 0 && s.missing_signoff > 0, JSON.stringify(s));
      const cell = async (id) => Number((await page.textContent(`[id="${id}"]`)).replace(/,/g, ""));
      for (const [key, n] of Object.entries({ files: s.files, complete: s.complete, incomplete: s.incomplete, unreadable: s.unreadable, "missing-signoff": s.missing_signoff, "digest-not-verified": s.digest_not_verified })) {
        assert.equal(await cell(`sum-forms-${key}`), n, key);
      }
      for (const [code, n] of Object.entries(s.verdicts)) assert.equal(await cell(`sum-verdicts-${code.replace(/_/g, "-")}`), n, code);
      for (const [id, n] of Object.entries(s.rulesets)) assert.equal(await cell(`sum-rulesets-${id}`), n, id);
      for (const [code, n] of Object.entries(s.organisations)) assert.equal(await cell(`sum-organisations-${code.replace(/_/g, "-")}`), n, code);
      assert.equal(await page.locator("#sum-organisations tbody tr").count(), Object.keys(s.organisations).length);
      for (const [key, n] of Object.entries(s.duties)) {
        const [, section, limb] = key.match(/^(\w+)\(\w+\)\((\w)\)$/);
        assert.equal(await cell(`sum-duties-${section}-${limb}`), n, key);
      }
      // The scrutiny and notification record (issue 17): the icb-2022 files were consulted on and notified.
      assert.ok(s.scrutiny.records > 0 && s.scrutiny.notified > 0, JSON.stringify(s.scrutiny));
      for (const [code, n] of Object.entries(s.scrutiny)) assert.equal(await cell(`sum-scrutiny-${code.replace(/_/g, "-")}`), n, code);
      for (const [slug, x] of Object.entries(s.sections)) {
        const nums = (await page.locator(`[id="sum-sections-${slug}"] td`).allTextContents()).map((t) => Number(t.replace(/,/g, "")));
        assert.deepEqual(nums, [x.incomplete, x.errors, x.warnings], slug);
      }
      await axeClean(page, "done");
      // Unreadable files with their reasons (in staff's words, from the
      // import error's code), skipped files listed.
      await page.click("#review-unreadable summary");
      const unreadable = await page.locator("#review-unreadable li").allTextContents();
      assert.equal(unreadable.length, s.unreadable);
      // Issue 21 (changed deliberately): in staff's words, as the app's Load says them.
      assert.ok(unreadable.some((t) => t.startsWith("files/corpus-big-50mb.json: The file is too large to be an Involve file")), "the 50 MB file is refused");
      assert.ok(unreadable.some((t) => t.startsWith("files/corpus/binary-named.json: This is not an Involve file")), "the binary file");
      await page.click("#review-skipped summary");
      const skipped = await page.locator("#review-skipped li").allTextContents();
      assert.ok(skipped.some((t) => t.startsWith("files/corpus/binary.bin: Not checked")), skipped.join("\n"));
      assert.deepEqual(await axeViolations(page), [], "axe, lists open");
      await page.click("#review-unreadable summary");
      await page.click("#review-skipped summary");
      await fits320(page, "review-done", target === "hosted");

      // Exports: exactly `involve check --csv` and `--json`.
      const csv = await download(page, "#review-csv");
      assert.equal(csv.name, `involve-review-${today()}.csv`);
      const cliCsv = cli("--csv");
      if (csv.text !== cliCsv) {
        const diff = csv.text.split("\r\n").map((l, i) => [l, cliCsv.split("\r\n")[i]]).filter(([a, b]) => a !== b).slice(0, 3);
        assert.fail(`the CSV download differs from involve check --csv:\n${diff.map(([a, b]) => `page: ${a}\ncli:  ${b}`).join("\n")}`);
      }
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, ""));
      assert.deepEqual(rows[0], ["File", "Title", "Organisation", "Ruleset", "Verdict", "Complete", "Signed off", "Completion date", "Scrutiny and notification", "Errors", "Warnings", "Unreadable"]);
      assert.equal(rows.length, jsonCount + 1);
      assert.ok(rows.every((r) => r.length === 12), "12 cells in every row");
      assert.equal(rows.slice(1).filter((r) => r[5] === "Yes").length, s.complete);
      assert.equal(rows.slice(1).filter((r) => r[8] !== "").length, s.scrutiny.records, "a scrutiny sentence for each record");
      assert.equal(rows.slice(1).filter((r) => r[11] !== "").length, s.unreadable);
      const injected = rows.find((r) => r[1].includes("HYPERLINK"));
      assert.ok(injected && injected[1].startsWith("'="), `a formula title is neutralised: ${injected?.[1]}`);
      const json = await download(page, "#review-json");
      assert.equal(json.text, JSON.stringify(report, null, 2) + "\n", "the JSON report is what involve check --json prints");

      // Sorting: buttons in the headers, aria-sort on the th.
      const titles = () => page.locator("#review-table tbody td:first-child button").evaluateAll((bs) => bs.map((b) => b.firstChild.textContent));
      assert.equal(await page.getAttribute("#review-table th:has(#sort-file)", "aria-sort"), "ascending");
      await page.click("#sort-title");
      assert.equal(await page.getAttribute("#review-table th:has(#sort-title)", "aria-sort"), "ascending");
      assert.equal(await page.getAttribute("#review-table th:has(#sort-file)", "aria-sort"), null);
      let t = await titles();
      assert.equal(t.length, 100);
      const sorted = [...t].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
      assert.deepEqual(t, sorted, "ascending by title");
      await page.click("#sort-title");
      assert.equal(await page.getAttribute("#review-table th:has(#sort-title)", "aria-sort"), "descending");
      t = await titles();
      assert.equal(t[0], "Unreadable file", "unreadable files (no title) come first when descending");
      // Paging.
      await page.click("#review-next");
      assert.match(await page.textContent("#review-count"), /Showing 101 to 200 of/);

      // Filtering.
      await page.selectOption("#review-show", "unreadable");
      assert.match(await page.textContent("#review-count"), new RegExp(`Showing ${s.unreadable} of`));
      assert.deepEqual([...new Set(await titles())], ["Unreadable file"]);
      await page.selectOption("#review-show", "all");
      await page.selectOption("#review-verdict", "applies");
      const applies = s.verdicts.applies;
      assert.match(await page.textContent("#review-count"), new RegExp(`Showing (1 to 100 of )?${applies.toLocaleString("en-GB")}`));
      await page.fill("#review-search", "review 0042");
      assert.equal((await titles()).length, 1);
      assert.match((await titles())[0], /review 0042/);
      await axeClean(page, "filtered");
      await fits320(page, "review-filtered", target === "hosted");
      await page.fill("#review-search", "no such form");
      assert.equal(await page.textContent("#review-count"), "No files match the filters");
      await page.fill("#review-search", "");
      await page.selectOption("#review-verdict", "");

      // Nothing stored: the saved answers are as they were.
      assert.equal(await storageSnapshot(page), saved, "the review did not touch localStorage");

      // The keyboard: sort, filter, open a record and come back.
      await page.focus("#sort-verdict");
      await page.keyboard.press("Enter");
      assert.equal(await page.getAttribute("#review-table th:has(#sort-verdict)", "aria-sort"), "ascending");
      await page.focus("#review-search");
      await page.keyboard.type("review 0100");
      // The table follows the filter after the last key: wait for it, so the
      // button taken is the filtered row's, not one about to be replaced.
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll("#review-table tbody tr")];
        return rows.length > 0 && rows.every((r) => r.textContent.includes("review 0100"));
      });
      const button = page.locator("#review-table tbody button").first();
      const buttonId = await button.getAttribute("id");
      await button.focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("#review-record-view");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "review-record");
      assert.match(await page.textContent("main h1"), /review 0100/);
      await axeClean(page, "record");
      await fits320(page, "review-record", target === "hosted");
      // The decision record: verdict, duties, reasons, actions with citations, problems.
      const record = report.files.find((f) => f.title?.includes("review 0100"));
      assert.equal((await page.textContent("#review-record-verdict h2")).trim(), record.verdict.headline);
      assert.equal(await page.locator("#review-record-view .app-reason").count(), record.verdict.reasons.length);
      for (const a of record.verdict.actions) assert.ok((await page.textContent("#review-record-view")).includes(a.text), a.code);
      await page.focus("#review-back");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#review-table");
      assert.equal(await page.evaluate(() => document.activeElement?.id), buttonId, "focus returns to the row");
      // Every control is reachable with Tab.
      await page.focus("#review-files");
      const order = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
      }
      for (const id of ["review-folder", "review-csv", "review-json", "review-show", "review-verdict", "review-search", "review-table-region", "sort-title", "sort-file", buttonId]) {
        assert.ok(order.includes(id), `Tab reaches #${id}: ${order.join(", ")}`);
      }

      // Open this form: asks first (there are answers), then loads.
      await page.click(`[id="${buttonId}"]`);
      await page.waitForSelector("#review-open");
      await page.click("#review-open");
      await page.waitForSelector("#confirm");
      assert.equal(await page.evaluate(() => location.hash), "#/review");
      await axeClean(page, "asking before replacing");
      await page.click("#confirm-no");
      assert.equal(await storageSnapshot(page), saved, "No keeps the answers");
      await page.click("#review-open");
      await page.click("#confirm-yes");
      await page.waitForFunction(() => location.hash === "#/tasks");
      assert.match(await page.textContent("#notice"), /loaded from the file/);
      await page.waitForFunction((t) => (localStorage.getItem("involve.answers") || "").includes(t), "review 0100");
      // The review is still there when coming back, at the form opened.
      await go(page, "#/review");
      await page.waitForSelector("#review-record-view");
      await page.click("#review-back");
      await page.waitForSelector("#review-table");
    }));

  test(`${target}: Cancel stops checking mid-run and keeps what was checked`, { timeout: 300_000 }, () =>
    withTarget(target, async (page, session) => {
      await go(page, "#/review");
      const cdp = await session.context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
      await chooseFolder(page);
      await page.waitForSelector("#review-running");
      await page.waitForFunction(() => Number(document.getElementById("review-progress-bar")?.value) > 20);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await axeClean(page, "running");
      assert.match(await page.textContent("#review-running"), /Checked [\d,]+ of [\d,]+ files/);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
      await page.focus("#review-cancel");
      await page.keyboard.press("Enter");
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await waitDone(page);
      const status = await page.textContent("#review-status");
      assert.match(status, /^Checking stopped\. [\d,]+ files checked are shown below\.$/);
      const n = Number(status.match(/([\d,]+) files/)[1].replace(/,/g, ""));
      assert.ok(n > 20 && n < jsonCount, `stopped after ${n} of ${jsonCount}`);
      assert.equal(Number((await page.textContent('[id="sum-forms-files"]')).replace(/,/g, "")), n);
      const csv = await download(page, "#review-csv");
      assert.equal(parseCsv(csv.text.replace(/^\uFEFF/, "")).length, n + 1);
      // Choosing again adds to the review; Clear empties it.
      await page.click("#review-clear");
      await page.waitForFunction(() => !document.getElementById("review-results"));
      assert.equal(await page.evaluate(() => document.activeElement?.id), "review-choose");
      await page.setInputFiles("#review-files", [join(ROOT, "tests", "fixtures", "icb-2022.json"), join(ROOT, "tests", "fixtures", "not-json.json"), join(ROOT, "tests", "fixtures", "mixed", "README.txt")]);
      await waitDone(page);
      assert.equal(await page.textContent('[id="sum-forms-files"]'), "2");
      assert.equal(await page.textContent('[id="sum-forms-unreadable"]'), "1");
      assert.match(await page.textContent("#review-skipped"), /README\.txt/);
    }));
}
