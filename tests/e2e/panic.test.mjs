// A panic in the app shows a plain recovery panel that still offers the
// answers on screen as a download (src/web/recovery.rs). The deliberate panic
// is the documented test trigger `?test-panic#/__panic`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TARGETS, axeViolations, openTarget, screenshot, withTarget, APP_READY } from "./harness.mjs";
import { go, h1 } from "./app.mjs";

/** The problems a deliberate panic is expected to cause (the hook's log, and the trap that follows in release). */
const expected = (p) => /Involve stopped: .*deliberate panic|RuntimeError: unreachable|^page error: unreachable|deliberate panic/.test(p);

for (const target of TARGETS) {
  test(`${target}: a panic shows a recovery panel that downloads the answers on screen`, async () => {
    const session = await openTarget(target);
    const { page } = session;
    try {
      const url = page.url().replace(/#.*$/, "");
      await page.goto(`${url}?test-panic#/`);
      await page.waitForSelector(APP_READY);
      await page.click("#start-now");
      await go(page, "#/b-step-1");
      await page.fill('[id="b.title"]', "Typed before the crash");
      await page.evaluate(() => { location.hash = "#/__panic"; });
      await page.waitForSelector("#recovery");
      assert.equal(await h1(page).catch(() => ""), "Sorry, there is a problem with Involve");
      assert.match(await page.textContent("#recovery"), /Your answers are not lost/);
      assert.equal(await page.locator("header, footer, form").count(), 0, "the dead app's markup is gone");
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `recovery-${target}`);
      const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#recovery-download")]);
      const doc = JSON.parse(readFileSync(await dl.path(), "utf8"));
      assert.equal(doc.format, "involve");
      assert.equal(doc.answers.b.title, "Typed before the crash");
      assert.match(dl.suggestedFilename(), /\.json$/);
      const problems = await session.collect();
      assert.ok(problems.some(expected), `the panic was reported: ${problems.join("; ")}`);
      assert.deepEqual(problems.filter((p) => !expected(p)), [], "nothing else went wrong");
    } finally {
      await session.close();
    }
  });

  test(`${target}: without ?test-panic the #/__panic address is just the start page`, () =>
    withTarget(target, async (page) => {
      await page.evaluate(() => { location.hash = "#/__panic"; });
      await page.waitForTimeout(200);
      assert.equal(await h1(page), "Involve: assess and plan public involvement");
      assert.equal(await page.locator("#recovery").count(), 0);
    }));
}
