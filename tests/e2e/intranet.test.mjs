// The host-page API with a REAL cross-origin parent: dist/host-example.html
// served on one 127.0.0.1 port embeds Involve served on another, whose
// settings block (edited in a copy of dist/, as an admin would) allows the
// host's origin, or does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { openHost, send, waitForMessage } from "./intranet.mjs";

const SECRET = "Closure of the Riverside walk-in centre (confidential draft)";
const fixture = (name) => JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", name), "utf8"));
const allow = (origin) => ({ organisation_name: "NHS Riverside ICB", host_origins: [origin] });

/** Runs `fn(session)` with the host page open, then fails on any problem the harness saw. */
async function withHost(options, fn) {
  const session = await openHost(options);
  try {
    await fn(session, session.frame());
    await session.assertClean();
  } finally {
    await session.close();
  }
}

/** Every message Involve sent, as text: to look for answers in it. */
const allText = async (s) => JSON.stringify(await s.fromInvolve());

test("intranet: ready and progress arrive at an allowed host; progress never carries an answer; answers are never posted unasked", () =>
  withHost({ settingsFor: allow }, async (s, frame) => {
    const ready = await waitForMessage(s, (m) => m.type === "ready");
    assert.deepEqual(ready, { protocol: "involve", version: 1, type: "ready" });
    const first = await waitForMessage(s, (m) => m.type === "progress");
    assert.equal(first.verdict, "undetermined");
    // A new assessment is 2022's: the seven sections, the equality record and the plan.
    assert.equal(first.sections.length, 9);
    assert.deepEqual(first.sections[0], { section: "screening", status: "not_started" });
    // Structured objects, not JSON strings.
    assert.equal(typeof (await s.fromInvolve())[0], "object");

    // The user answers: progress follows, without the answers.
    await frame.click("#start-now");
    await frame.evaluate(() => { location.hash = "#/b-step-1"; });
    await frame.waitForSelector('[id="b.title"]');
    await frame.fill('[id="b.title"]', SECRET);
    await waitForMessage(s, (m) => m.type === "progress" && m.sections[1].status === "in_progress");
    await frame.evaluate(() => { location.hash = "#/screening"; });
    await frame.check('input[type=radio][name="screening.body"][value="icb"]');
    await waitForMessage(s, (m) => m.type === "progress" && m.sections[0].status === "in_progress");
    await s.page.waitForTimeout(800);
    const text = await allText(s);
    assert.doesNotMatch(text, /Riverside walk-in|confidential/, "no answer is ever in a message");
    assert.doesNotMatch(text, /"icb"/, "not even a choice");
    assert.ok(!(await s.fromInvolve()).some((m) => m.type === "document"), "no document without Download or a request");
    for (const m of await s.fromInvolve()) assert.deepEqual(Object.keys(m).slice(0, 3), ["protocol", "version", "type"]);
  }));

test("intranet: document arrives only after a request or a Download, to the allowed host", () =>
  withHost({ settingsFor: allow }, async (s, frame) => {
    await waitForMessage(s, (m) => m.type === "progress");
    await frame.click("#start-now");
    await frame.evaluate(() => { location.hash = "#/b-step-1"; });
    await frame.fill('[id="b.title"]', SECRET);
    await s.page.waitForTimeout(1000);
    assert.ok(!(await s.fromInvolve()).some((m) => m.type === "document"));

    // The host asks.
    await send(s, { type: "request-document" });
    const asked = await waitForMessage(s, (m) => m.type === "document");
    assert.equal(asked.reason, "request");
    assert.equal(asked.document.format, "involve");
    assert.equal(asked.document.answers.b.title, SECRET);
    assert.match(asked.document.digest, /^sha256:[0-9a-f]{64}$/);

    // The user downloads: the host gets the same document as the file.
    await frame.evaluate(() => { location.hash = "#/check"; });
    await frame.waitForSelector("#download");
    const [dl] = await Promise.all([s.page.waitForEvent("download"), frame.click("#download")]);
    const file = JSON.parse(readFileSync(await dl.path(), "utf8"));
    const downloaded = await waitForMessage(s, (m) => m.type === "document" && m.reason === "download");
    assert.deepEqual(downloaded.document, file, "the document event holds exactly the downloaded file");
    assert.equal((await s.fromInvolve()).filter((m) => m.type === "document").length, 2);
    // The example page shows what it received.
    assert.match(await s.page.textContent("#log"), /document \(download\): "Closure of the Riverside/);
  }));

test("intranet: load works at once into a new assessment, asks first when answers exist, and is checked like Load", () =>
  withHost({ settingsFor: allow }, async (s, frame) => {
    await waitForMessage(s, (m) => m.type === "ready");
    // A new assessment: loaded at once.
    await send(s, { type: "load", document: fixture("icb-2022.json") });
    await frame.waitForSelector("#notice");
    assert.match(await frame.textContent("#notice"), /Your answers have been loaded from the file/);
    assert.equal(await frame.evaluate(() => location.hash), "#/tasks");
    await waitForMessage(s, (m) => m.type === "progress" && m.verdict === "applies");

    // Answers exist: Involve asks first; nothing is replaced until the user says so.
    await send(s, { type: "load", document: fixture("trust-2022.json") });
    await frame.waitForSelector("#confirm");
    assert.equal((await frame.textContent("#confirm-heading")).trim(), "Replace your current answers?");
    await frame.click("#confirm-no");
    await send(s, { type: "request-document" });
    let doc = await waitForMessage(s, (m) => m.type === "document");
    assert.equal(doc.document.title, "Walk-in centre closure: Riverside", "kept");
    await send(s, { type: "load", document: fixture("trust-2022.json") });
    await frame.waitForSelector("#confirm");
    await frame.click("#confirm-yes");
    await frame.waitForSelector("#notice");
    await send(s, { type: "request-document" });
    doc = await waitForMessage(s, (m) => m.type === "document" && m.document.title !== "Walk-in centre closure: Riverside");
    assert.equal(doc.document.title, "Outpatient clinic move: rheumatology to Northtown General", "replaced after yes");

    // The same checks as Load: a tampered file is refused with Load's words, and nothing changes.
    await send(s, { type: "load", document: fixture("tampered.json") });
    const refused = await waitForMessage(s, (m) => m.type === "error" && m.code === "load_failed");
    assert.match(refused.message, /digest|changed|edited/i);
    // A JSON string is not a document object; an unknown command and another version are answered with an error.
    await send(s, { type: "load", document: JSON.stringify(fixture("icb-2022.json")) });
    await waitForMessage(s, (m) => m.type === "error" && m.code === "bad_message");
    await send(s, { type: "delete-everything" });
    await waitForMessage(s, (m) => m.type === "error" && m.code === "unknown_type");
    await s.page.evaluate(() => document.getElementById("involve").contentWindow.postMessage({ protocol: "involve", version: 2, type: "request-document" }, "*"));
    await waitForMessage(s, (m) => m.type === "error" && m.code === "unsupported_version");
    assert.equal(await frame.locator("#confirm").count(), 0, "no question for a refused load");
    assert.match(await frame.textContent("main"), /Outpatient clinic move|Assess and plan/);
  }));

test("intranet: a host whose origin is not allowed receives nothing and its commands are ignored", () =>
  withHost({ settingsFor: () => ({ host_origins: ["https://intranet.example.nhs.uk"] }) }, async (s, frame) => {
    await frame.click("#start-now");
    await frame.evaluate(() => { location.hash = "#/b-step-1"; });
    await frame.fill('[id="b.title"]', SECRET);
    await send(s, { type: "request-document" });
    await send(s, { type: "load", document: fixture("icb-2022.json") });
    await s.page.evaluate(() => document.getElementById("involve").contentWindow.postMessage({ protocol: "involve", version: 1, type: "request-document" }, "*"));
    await s.page.waitForTimeout(1500);
    assert.deepEqual(await s.raw(), [], "not ready, not progress, not an error: nothing");
    assert.equal(await frame.locator("#confirm").count(), 0, "the load was ignored");
    assert.equal(await frame.inputValue('[id="b.title"]'), SECRET, "answers untouched");
    // Download still works for the user, and still nothing reaches the host.
    await frame.evaluate(() => { location.hash = "#/check"; });
    await Promise.all([s.page.waitForEvent("download"), frame.click("#download")]);
    await s.page.waitForTimeout(500);
    assert.deepEqual(await s.raw(), []);
  }));

test("intranet: with no allow-list (the shipped settings) the API is off", () =>
  withHost({}, async (s, frame) => {
    await send(s, { type: "request-document" });
    await send(s, { type: "load", document: fixture("icb-2022.json") });
    await frame.click("#start-now");
    await s.page.waitForTimeout(1500);
    assert.deepEqual(await s.raw(), []);
    assert.equal(await frame.evaluate(() => location.hash), "#/tasks");
    assert.equal(await frame.locator("#notice").count(), 0, "the load was ignored");
  }));
