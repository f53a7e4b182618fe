// The accessibility statement and the privacy page: reached from the footer
// by keyboard alone, 0 axe violations, no sideways scroll at 320 px, and the
// statement's contact from the settings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TARGETS, axeViolations, screenshot, withTarget } from "./harness.mjs";
import { distCopy } from "./intranet.mjs";

/** Presses Tab until the focused element matches `pred` (text, element); fails after `max` presses. */
async function tabTo(page, text, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const t = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (t === text) return;
  }
  assert.fail(`Tab never reached "${text}"`);
}

async function noSidewaysScroll(page, name, target) {
  if (target === "hosted") await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 320, height: 640 });
  const { sw, iw } = await page.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, iw: innerWidth }));
  assert.ok(sw <= iw, `${name}: horizontal scroll at 320 px (${sw} > ${iw})`);
  assert.deepEqual(await axeViolations(page), [], `${name} at 320 px`);
  if (target === "hosted") await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 1024, height: 768 });
}

for (const target of TARGETS) {
  test(`${target}: the accessibility statement and the privacy page, by keyboard, with no axe violations`, () =>
    withTarget(target, async (page) => {
      // Some answers, so that the privacy page offers to delete them.
      await page.click("#start-now");
      await page.evaluate(() => { location.hash = "#/b-step-1"; });
      await page.fill('[id="b.title"]', "Community nursing strategy");
      await page.waitForTimeout(500);

      await tabTo(page, "Accessibility statement");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => location.hash === "#/accessibility");
      assert.equal((await page.textContent("main h1")).trim(), "Accessibility statement for Involve");
      assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1", "focus moves to the heading");
      assert.equal(await page.title(), "Accessibility statement – Involve");
      const statement = await page.textContent("main");
      for (const words of [
        "Compliance status", "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
        "Non-accessible content", "decision diagram", "320 pixels", "allow-modals", "Equality and Human Rights Commission (EHRC)",
        "How we tested this website", "axe-core", "keyboard only", "400% zoom", "the print view", "end-to-end tests ran and passed",
        "Preparation of this accessibility statement", "This statement was prepared on",
      ]) assert.ok(statement.includes(words), `the statement says "${words}"`);
      assert.match(await page.textContent("#a11y-contact"), /patient and public involvement \(engagement\) team, or your IT service desk/, "a default contact");
      assert.deepEqual(await axeViolations(page), []);
      await noSidewaysScroll(page, "accessibility-statement", target);

      await tabTo(page, "Privacy");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => location.hash === "#/privacy");
      assert.equal((await page.textContent("main h1")).trim(), "Privacy: what Involve keeps and where");
      const privacy = await page.textContent("main");
      for (const words of ["involve.answers", "this browser on this computer only", "How long it is kept", "Until you delete it", "Delete saved answers", "Involve sends nothing anywhere"]) {
        assert.ok(privacy.includes(words), `the privacy page says "${words}"`);
      }
      assert.deepEqual(await axeViolations(page), []);
      await noSidewaysScroll(page, "privacy", target);

      // Delete saved answers, by keyboard, from the privacy page.
      await tabTo(page, "Delete saved answers");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#confirm");
      assert.equal(await page.evaluate(() => document.activeElement.id), "confirm");
      await tabTo(page, "Yes, delete my answers", 5);
      await page.keyboard.press("Enter");
      await page.waitForSelector("#notice");
      assert.match(await page.textContent("#notice"), /Your saved answers have been deleted/);
      await page.waitForFunction(() => localStorage.getItem("involve.answers") === null, null, { timeout: 5000 });
    }));
}

test("hosted: the statement's contact and the privacy page come from the settings", async () => {
  const copy = distCopy({
    organisation_name: "NHS Riverside Integrated Care Board",
    help_contact: "0300 123 4567",
    privacy_notice_url: "/privacy-notice.html",
    host_origins: ["https://intranet.riverside.nhs.uk"],
  });
  try {
    await withTarget(
      "hosted",
      async (page) => {
        await page.evaluate(() => { location.hash = "#/accessibility"; });
        await page.waitForSelector("#a11y-contact");
        assert.match(await page.textContent("#a11y-contact"), /contact 0300 123 4567\./);
        assert.equal(await page.getAttribute("#a11y-contact a", "href"), "tel:03001234567");
        assert.match(await page.textContent("main"), /This website is run by NHS Riverside Integrated Care Board/);
        await page.evaluate(() => { location.hash = "#/privacy"; });
        await page.waitForSelector("#privacy-host");
        const host = await page.textContent("#privacy-host");
        assert.match(host, /NHS Riverside Integrated Care Board has set Involve up to work with its intranet page/);
        assert.match(host, /never your answers/);
        assert.match(host, /https:\/\/intranet\.riverside\.nhs\.uk/);
        assert.match(await page.textContent("main"), /Read NHS Riverside Integrated Care Board’s privacy notice/);
        assert.deepEqual(await axeViolations(page), []);
      },
      { dist: copy.dir },
    );
  } finally {
    copy.remove();
  }
});
