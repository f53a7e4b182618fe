// Organisation settings edited in the built pages (dist/index.html and
// dist/involve-offline.html, in a copy of dist/), as an admin would after the
// build: shown on screen and in print; each bad one named in a notice and
// ignored while the app keeps working. The harness fails any test on a CSP
// violation, so these also prove that editing the block does not break the page.
// Also: "Save Involve for offline use" downloads a file that runs from file://.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { OUT, TARGETS, axeViolations, openPage, screenshot, withTarget } from "./harness.mjs";
import { distCopy, editSettings } from "./intranet.mjs";

const GOOD = {
  organisation_name: "NHS Riverside Integrated Care Board",
  organisation_type: "icb",
  help_contact: "engagement@riverside.nhs.uk",
  involvement_policy_url: "https://intranet.riverside.nhs.uk/policies/involvement",
  privacy_notice_url: "https://intranet.riverside.nhs.uk/privacy",
  host_origins: [],
};

/** Runs `fn` on each target of a dist/ copy whose settings are `settings`. */
async function withSettings(target, settings, fn) {
  const copy = distCopy(settings);
  try {
    await withTarget(target, fn, { dist: copy.dir });
  } finally {
    copy.remove();
  }
}

for (const target of TARGETS) {
  test(`${target}: good settings show the organisation and contact on the start page, in the footer and in print`, () =>
    withSettings(target, GOOD, async (page) => {
      assert.equal(await page.locator("#settings-problems").count(), 0, "no notice");
      assert.match(await page.textContent("#organisation-name"), /Involve is provided by NHS Riverside Integrated Care Board for its staff/);
      assert.equal(await page.getAttribute("#organisation-contact a", "href"), "mailto:engagement@riverside.nhs.uk");
      const policy = page.locator("#organisation-policy a");
      assert.equal(await policy.getAttribute("href"), GOOD.involvement_policy_url);
      assert.equal(await policy.getAttribute("target"), "_blank");
      assert.match(await policy.textContent(), /NHS Riverside Integrated Care Board’s involvement policy \(opens in a new tab\)/);
      const footer = await page.textContent("footer");
      assert.match(footer, /Provided by NHS Riverside Integrated Care Board\. Help: engagement@riverside\.nhs\.uk/);
      assert.match(footer, /NHS Riverside Integrated Care Board privacy notice/);
      assert.equal(await page.getAttribute('footer a:has-text("privacy notice")', "href"), GOOD.privacy_notice_url);
      if (target === "hosted") {
        await screenshot(page, "settings-start-1280");
        await page.setViewportSize({ width: 320, height: 640 });
        await screenshot(page, "settings-start-320");
        await page.setViewportSize({ width: 1024, height: 768 });
      }
      assert.deepEqual(await axeViolations(page), []);

      // The organisation type answers the organisation question of a new assessment.
      await page.click("#start-now");
      await page.evaluate(() => { location.hash = "#/screening"; });
      await page.waitForSelector('input[name="screening.body"]');
      assert.equal(await page.isChecked('input[name="screening.body"][value="icb"]'), true);

      // Printed with the forms.
      const pdf = join(OUT, `settings-print-${target}.pdf`);
      await page.pdf({ path: pdf });
      const printed = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      assert.match(printed, /Organisation: NHS Riverside Integrated Care Board – Help: engagement@riverside\.nhs\.uk/);
    }));
}

// [settings block, the key the notice must name, words it must say]
const BAD = [
  [{ ...GOOD, organisation_type: "ccg" }, "organisation_type", /“ccg” is not an organisation type/],
  [{ ...GOOD, help_contact: "ring the team" }, "help_contact", /not an email address or a telephone number/],
  [{ ...GOOD, involvement_policy_url: "javascript:alert(document.domain)" }, "involvement_policy_url", /must start with https:\/\//],
  [{ ...GOOD, privacy_notice_url: "http://intranet.riverside.nhs.uk/privacy" }, "privacy_notice_url", /must start with https:\/\//],
  [{ ...GOOD, organisation_name: 42 }, "organisation_name", /must be text/],
  [{ ...GOOD, host_origins: ["*"] }, "host_origins", /wildcard/],
  [{ ...GOOD, organisation: "typo" }, "organisation", /there is no setting called “organisation”/],
  ['{ "organisation_name": "NHS Riverside", }', "involve-settings", /not JSON \(line 2 of the block, column \d+\)/],
];

for (const target of TARGETS) {
  test(`${target}: each bad setting is named in a notice and ignored, and Involve still works`, async () => {
    const copy = distCopy(GOOD);
    try {
      let first = true;
      for (const [settings, key, words] of BAD) {
        editSettings(join(copy.dir, target === "hosted" ? "index.html" : "involve-offline.html"), settings);
        await withTarget(
          target,
          async (page) => {
            const notice = page.locator("#settings-problems");
            assert.equal(await notice.count(), 1, `${key}: a notice`);
            assert.match(await notice.textContent(), /Some of your organisation’s settings are not used/);
            const items = await notice.locator("li").allTextContents();
            assert.equal(items.length, 1, `${key}: ${items}`);
            assert.ok(items[0].startsWith(`${key}: `), `names ${key}: ${items[0]}`);
            assert.match(items[0], words);
            if (first && target === "hosted") {
              await screenshot(page, "settings-bad-1280");
              await page.setViewportSize({ width: 320, height: 640 });
              await screenshot(page, "settings-bad-320");
              await page.setViewportSize({ width: 1024, height: 768 });
              first = false;
            }
            // The bad setting is ignored, the others still apply.
            if (key === "involvement_policy_url") {
              assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, "no javascript: link anywhere");
              assert.equal(await page.locator("#organisation-policy").count(), 0);
            }
            if (key === "involve-settings") assert.equal(await page.locator("#organisation").count(), 0, "no setting used");
            else assert.match(await page.textContent("footer"), /engagement@riverside\.nhs\.uk|NHS Riverside/);
            assert.deepEqual(await axeViolations(page), [], key);
            // The app works: start, answer, task list.
            await page.click("#start-now");
            await page.waitForFunction(() => location.hash === "#/tasks");
            await page.click('a[href="#/screening"]');
            await page.check('input[name="screening.body"][value="nhs_trust"]');
            assert.equal(await page.isChecked('input[name="screening.body"][value="nhs_trust"]'), true);
          },
          { dist: copy.dir },
        );
      }
    } finally {
      copy.remove();
    }
  });
}

test("hosted: Save Involve for offline use downloads the offline file, which runs from file://; the offline file does not offer it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "involve-saved-"));
  const saved = join(dir, "involve-offline.html");
  try {
    await withTarget("hosted", async (page) => {
      const link = page.getByRole("link", { name: "Save Involve for offline use" });
      assert.equal(await link.count(), 1);
      assert.match(await page.textContent("#offline-copy"), /opens Involve in your browser from your computer or a shared drive, even with no network connection/);
      const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
      assert.equal(dl.suggestedFilename(), "involve-offline.html");
      await dl.saveAs(saved);
    });
    const session = await openPage(pathToFileURL(saved).href, {
      allow: (u) => u.protocol === "file:" && u.pathname === pathToFileURL(saved).pathname,
      network: "off",
    });
    try {
      assert.equal((await session.page.textContent("main h1")).trim(), "Involve: assess and plan public involvement");
      assert.equal(await session.page.locator("#offline-copy").count(), 0, "not offered in the offline file itself");
      await session.page.click("#start-now");
      await session.page.waitForFunction(() => location.hash === "#/tasks");
      await session.assertClean();
    } finally {
      await session.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the settings block is data: not hashed into either page's CSP, and the same in both pages", () => {
  const copy = distCopy();
  try {
    for (const f of ["index.html", "involve-offline.html"]) {
      const html = readFileSync(join(copy.dir, f), "utf8");
      const block = html.match(/<script type="application\/json" id="involve-settings">([\s\S]*?)<\/script>/);
      assert.ok(block, `${f} has the block`);
      assert.deepEqual(Object.keys(JSON.parse(block[1])), Object.keys(GOOD), `${f}: every key, unset`);
      const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
      assert.doesNotMatch(csp, /unsafe-inline/);
      const hash = `'sha256-${createHash("sha256").update(block[1], "utf8").digest("base64")}'`;
      assert.ok(!csp.includes(hash), `${f}: the block is not in the CSP`);
    }
  } finally {
    copy.remove();
  }
});
