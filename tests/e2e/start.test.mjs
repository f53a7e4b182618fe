// The start page, on both delivery targets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TARGETS, axeViolations, screenshot, withTarget } from "./harness.mjs";

const H1 = "Involve: assess and plan public involvement";

for (const target of TARGETS) {
  test(`${target}: the start page shows its heading, the privacy promise and Start now`, () =>
    withTarget(target, async (page) => {
      assert.equal((await page.textContent("main h1")).trim(), H1);
      assert.equal(await page.locator("h1").count(), 1);
      assert.match(await page.textContent("main"), /Nothing you enter leaves this browser/);
      assert.equal(await page.getByRole("button", { name: "Start now" }).count(), 1);
      assert.equal(await page.title(), H1);
      await screenshot(page, `start-${target}`);
    }));

  test(`${target}: the start page has the NHS.UK look (blue header, no webfont)`, () =>
    withTarget(target, async (page) => {
      const look = await page.evaluate(() => {
        const header = getComputedStyle(document.querySelector("header.nhsuk-header"));
        const body = getComputedStyle(document.body);
        return { headerBg: header.backgroundColor, font: body.fontFamily, fonts: [...document.fonts].length };
      });
      assert.equal(look.headerBg, "rgb(0, 94, 184)", "NHS blue header");
      assert.match(look.font, /^arial/i);
      assert.doesNotMatch(look.font, /Frutiger/);
      assert.equal(look.fonts, 0, "no @font-face is declared");
    }));

  test(`${target}: the start page has no WCAG 2.2 A/AA violations that axe finds`, () =>
    withTarget(target, async (page) => {
      assert.deepEqual(await axeViolations(page), []);
    }));
}
