// Generated Involve documents for the "Review completed forms" page: used by
// tests/e2e/review.test.mjs and scripts/bench-ui.mjs (not a test file itself).
//
// Each document is one of the committed fixtures (tests/fixtures) with its
// Appendix B title numbered and, for some, the completion date or the senior
// sign-off left blank. The digest of a format 2 document covers
// `{ruleset, answers}` as compact JSON in the file's key order
// (format::canonical_content), so it is recomputed here with SHA-256; the
// format 1 fixture has no digest. `involve check` on the same folder is the
// judge of what each file is, so a generator mistake shows as a mismatch,
// never as a silent pass.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const FIXTURES = join(ROOT, "tests", "fixtures");
const CORPUS = join(ROOT, "tests", "corpus");
const BASES = ["complete.json", "complete-with-warning.json", "icb-2022.json", "incomplete.json", "trust-2022.json", "v1.json"];

/** `sha256:<hex>` of a format 2 document's answers, as Involve computes it. */
export function digestOf(doc) {
  return "sha256:" + createHash("sha256").update(JSON.stringify({ ruleset: doc.ruleset, answers: doc.answers })).digest("hex");
}

/** Document `i` (text): a fixture, numbered and varied. */
export function documentText(i) {
  const base = BASES[i % BASES.length];
  const doc = JSON.parse(readFileSync(join(FIXTURES, base), "utf8"));
  const b = doc.answers.b;
  if (b && typeof b.title === "string") {
    b.title = i === 7 ? `=HYPERLINK("http://example.com","Review ${i}")` : `${b.title} (review ${String(i).padStart(4, "0")})`;
    if (doc.version === 2) doc.title = b.title;
  }
  if (b && i % 11 === 3 && b.completed_by?.date && typeof b.completed_by.date === "object") b.completed_by.date = { day: "", month: "", year: "" };
  if (b && i % 13 === 5 && b.signoff && typeof b.signoff.name === "string") {
    b.signoff_applies = "yes";
    b.signoff.name = "";
  }
  if (doc.version === 2) doc.digest = digestOf(doc);
  return JSON.stringify(doc, null, 2) + "\n";
}

/**
 * Writes `count` generated documents under `dir/forms/team-N/` and, with
 * `corpus`, the project's bad-input corpus under `dir/corpus/` (its
 * non-.json files too, which folder walks skip), the binary file again
 * under a .json name, and with `big` a 50 MB .json file. Returns the
 * number of .json files written.
 */
export function writeReviewFiles(dir, count, { corpus = false, big = false } = {}) {
  let json = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, "forms", `team-${i % 4}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `form-${String(i).padStart(4, "0")}.json`), documentText(i));
    json++;
  }
  if (corpus) {
    const out = join(dir, "corpus");
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(CORPUS)) {
      if (f === "manifest.json") continue;
      copyFileSync(join(CORPUS, f), join(out, f));
      if (f.toLowerCase().endsWith(".json")) json++;
    }
    copyFileSync(join(CORPUS, "binary.bin"), join(out, "binary-named.json"));
    json++;
  }
  if (big) {
    const fd = openSync(join(dir, "corpus-big-50mb.json"), "w");
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    json++;
  }
  return json;
}
