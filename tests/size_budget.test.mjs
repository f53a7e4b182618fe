// Size budget of the release dist (issue 5), run by `make test` after `make dist`.
// Bytes are deterministic, so they are tested; timings live in BENCHMARKS.md.
//
// Targets: hosted app (every file of one cold load) <= 400 KiB raw and
// <= 120 KiB gzip; offline single file <= 450 KiB. Where a target is not met
// yet, the budget is the achieved size plus a small margin, so any growth
// fails here, and the gap is stated (see BENCHMARKS.md and scripts/wasm-breakdown.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, KiB } from "../scripts/sizes.mjs";

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "dist");

export const TARGET = { hostedRaw: 400 * KiB, hostedGzip: 120 * KiB, offlineRaw: 450 * KiB };
// Issue 13 moved the hosted budget (2026-12-01). Where each KiB went, raw / gzip -9:
//   531.8 / 197.5  main before issue 13 (issues 10-12 had already taken it past the old
//                  486 / 183 budget: the 2022 ruleset, the decision record, CSV, the review)
//  +111.3 / +13.6  index.html: every page's first render as HTML, 14 pages (check answers
//                  33.4 / 5.0, screening 16.4 / 3.4, the rest 1.9-9.9 / 1.0-2.8 each), and
//                  the 1.5 KiB script that shows one (scripts/prerender.mjs); a new user
//                  can read and type before the wasm arrives
//   +11.8 /  +4.8  wasm: taking over from that page (reading its answers, focus, caret,
//                  a held-back click; src/web/takeover.rs) and the derived values
//    +3.5 /  +0.6  JS glue: the browser calls those make (selection, focus options)
//  = 658.5 / 216.5 (brotli 177.4)
export const BUDGET = {
  hostedRaw: 660 * KiB, // target 400 KiB: not met (658.5 KiB on 2026-12-01, see above)
  hostedGzip: 218 * KiB, // target 120 KiB: not met (216.5 KiB on 2026-12-01, see above)
  offlineRaw: TARGET.offlineRaw, // met: 442.6 KiB on 2026-12-01 (321.3 before the prerendered pages)
};

const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;
const m = existsSync(join(DIST, "index.html")) ? measure(DIST) : null;

test("the dist exists (make dist)", () => assert.ok(m, `${DIST}/index.html is missing: run make dist first`));

test(`hosted app, one cold load: raw <= ${kib(BUDGET.hostedRaw)}`, { skip: !m }, () => {
  assert.ok(m.hosted.raw <= BUDGET.hostedRaw, `hosted raw ${kib(m.hosted.raw)} > budget ${kib(BUDGET.hostedRaw)}`);
});

test(`hosted app, one cold load: gzip -9 <= ${kib(BUDGET.hostedGzip)}`, { skip: !m }, () => {
  assert.ok(m.hosted.gzip <= BUDGET.hostedGzip, `hosted gzip ${kib(m.hosted.gzip)} > budget ${kib(BUDGET.hostedGzip)}`);
});

test(`offline single file <= ${kib(BUDGET.offlineRaw)}`, { skip: !m }, () => {
  assert.ok(m.offline, "dist/involve-offline.html is missing");
  assert.ok(m.offline.raw <= BUDGET.offlineRaw, `offline ${kib(m.offline.raw)} > budget ${kib(BUDGET.offlineRaw)}`);
});

test("budgets are never looser than needed: a met target is the budget", () => {
  for (const k of Object.keys(TARGET)) assert.ok(BUDGET[k] >= TARGET[k]);
  if (m) {
    if (m.hosted.raw <= TARGET.hostedRaw) assert.equal(BUDGET.hostedRaw, TARGET.hostedRaw, "hosted raw target met: set the budget to it");
    if (m.hosted.gzip <= TARGET.hostedGzip) assert.equal(BUDGET.hostedGzip, TARGET.hostedGzip, "hosted gzip target met: set the budget to it");
  }
});
