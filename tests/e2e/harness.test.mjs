// The harness itself must catch what it promises to catch; otherwise every
// other end-to-end test could pass for the wrong reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPage } from "./harness.mjs";
import { serveDir } from "./server.mjs";

/** Serves one HTML page (with `head` added to its <head>) from a temporary directory and opens it with the harness. */
async function withFixture(head, fn) {
  const dir = mkdtempSync(join(tmpdir(), "involve-fixture-"));
  writeFileSync(join(dir, "index.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">${head}</head><body><main><h1>Fixture</h1></main></body></html>`);
  const own = await serveDir(dir);
  const other = await serveDir(dir); // a second loopback origin, standing in for "the internet"
  const session = await openPage(own.url, { allow: (u) => u.origin === own.origin, ready: "main h1" });
  try {
    await fn(session, other);
  } finally {
    await session.close();
    await own.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test("harness: a clean page has no problems", () =>
  withFixture("", async (session) => {
    await session.assertClean();
  }));

test("harness: a request to another origin is a problem, and is blocked", () =>
  withFixture("", async (session, other) => {
    await session.page.evaluate((url) => fetch(url).catch(() => {}), other.url + "index.html");
    await assert.rejects(session.assertClean(), /request outside the app/);
    assert.deepEqual(other.requests, [], "the other origin never saw the request");
  }));

test("harness: a console error is a problem", () =>
  withFixture("", async (session) => {
    await session.page.evaluate(() => console.error("boom"));
    await assert.rejects(session.assertClean(), /console error: boom/);
  }));

test("harness: an uncaught exception is a problem", () =>
  withFixture("", async (session) => {
    await session.page.evaluate(() => setTimeout(() => { throw new Error("kaboom"); }, 0));
    await session.page.waitForTimeout(50);
    await assert.rejects(session.assertClean(), /page error: kaboom/);
  }));

test("harness: a CSP violation is a problem", () =>
  withFixture(`<meta http-equiv="Content-Security-Policy" content="style-src 'none'">`, async (session) => {
    await session.page.evaluate(() => {
      const s = document.createElement("style");
      s.textContent = "body{color:red}";
      document.head.append(s);
    });
    await session.page.waitForTimeout(50);
    await assert.rejects(session.assertClean(), /CSP violation: style-src/);
  }));
