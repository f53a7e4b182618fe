// The README and docs/ state no size of the current build that nobody
// checks: a figure in bytes, KB or KiB (sizes; MB is used for limits) must be a one-off measurement that
// says so ("measured" in the same paragraph), and every relative link
// between the documents must lead to a file that exists. Sizes of the build
// come from `make dist` (printed) and BENCHMARKS.md (written by make bench).
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
