// The README and docs/ state no size of the current build that nobody
// checks: a figure in bytes, KB or KiB (sizes; MB is used for limits) must be a one-off measurement that
// says so ("measured" in the same paragraph), and every relative link
// between the documents must lead to a file that exists. Sizes of the build
// come from `make dist` (printed) and BENCHMARKS.md (written by make bench).
// The counts the docs give (golden assessments, corpus files, fuzz targets,
// property cases) are checked against the repository; the count of
// end-to-end tests in the accessibility statement is checked against each
// run by scripts/e2e-count.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FILES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

// Paragraphs outside code blocks.
function paragraphs(text) {
  const out = [];
  let fence = false, cur = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) { fence = !fence; continue; }
    if (fence) continue;
    if (line.trim() === "") { if (cur.length) out.push(cur.join("\n")); cur = []; } else cur.push(line);
  }
  if (cur.length) out.push(cur.join("\n"));
  return out;
}

test("the README and docs give no unchecked size of the build", () => {
  const figure = /\d[\d,.]*\s*(KiB|KB|bytes)\b/;
  for (const f of FILES) {
    for (const p of paragraphs(readFileSync(join(ROOT, f), "utf8"))) {
      if (figure.test(p)) assert.match(p, /measured/i, `${f}: a size that is not marked as a one-off measurement:\n${p}`);
    }
  }
});

test("the README fits on one screen and links every document in docs/", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  assert.ok(readme.split("\n").length <= 60, `README.md has ${readme.split("\n").length} lines`);
  for (const f of FILES.filter((f) => f.startsWith("docs/"))) assert.ok(readme.includes(`(${f})`), `README.md links ${f}`);
});

test("every relative link between the documents leads to a file", () => {
  for (const f of FILES) {
    const text = readFileSync(join(ROOT, f), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      assert.ok(existsSync(resolve(ROOT, dirname(f), target)), `${f} links ${target}, which does not exist`);
    }
  }
});

// Each count a document gives, where it gives it, and what it is in the repository.
function doc(f) {
  return readFileSync(join(ROOT, f), "utf8").replace(/\s+/g, " ");
}
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

test("the counts the docs give are the repository's", () => {
  const golden = readFileSync(join(ROOT, "tests/golden/nhse2017-assessments.txt"), "utf8").trim().split("\n").length;
  const corpus = readdirSync(join(ROOT, "tests/corpus")).filter((f) => f !== "manifest.json").length;
  const fuzz = readdirSync(join(ROOT, "fuzz/fuzz_targets")).filter((f) => f.endsWith(".rs")).length;
  const makefile = readFileSync(join(ROOT, "Makefile"), "utf8");
  const fuzzScript = readFileSync(join(ROOT, "scripts/fuzz.sh"), "utf8");
  const props = readFileSync(join(ROOT, "tests/format_props.rs"), "utf8");
  const arch = doc("docs/architecture.md"), format = doc("docs/format.md"), testing = doc("docs/testing.md");

  const n = (s) => Number(s.replace(/,/g, ""));
  assert.equal(n(arch.match(/`tests\/rules_2017_golden.rs` holds ([\d,]+) of them/)[1]), golden, "architecture.md: golden 2017 assessments");
  assert.equal(n(format.match(/the documents of the ([\d,]+) golden 2017/)[1]), golden, "format.md: golden 2017 assessments");
  assert.ok(corpus > n(arch.match(/`tests\/corpus\/` holds over ([\d,]+) hostile/)[1]), `architecture.md: over N corpus files (there are ${corpus})`);
  assert.equal(WORDS.indexOf(arch.match(/`fuzz\/` holds (\w+) cargo-fuzz/)[1]), fuzz, "architecture.md: fuzz targets");
  assert.equal(WORDS.indexOf(testing.match(/(\w+) fuzz targets for (\d+) s each/)[1]), fuzz, "testing.md: fuzz targets");
  const [, total] = makefile.match(/scripts\/fuzz\.sh (\d+)/);
  const listed = fuzzScript.match(/^targets=\(([^)]*)\)/m)[1].trim().split(/\s+/);
  assert.equal(listed.length, fuzz, "scripts/fuzz.sh runs every target in fuzz/fuzz_targets");
  assert.equal(n(testing.match(/fuzz targets for (\d+) s each/)[1]), Math.floor(n(total) / fuzz), "testing.md: seconds per fuzz target");
  const cases = testing.match(/property again for ([\d,]+) cases in release mode \((\d+) in `cargo test`\)/);
  assert.match(makefile, new RegExp(`ROUND_TRIP_CASES=${n(cases[1])} `), "testing.md: release-mode round-trip cases");
  assert.match(props, new RegExp(`Case counts: ${cases[2]} for each property`), "testing.md: cargo test cases");
});
