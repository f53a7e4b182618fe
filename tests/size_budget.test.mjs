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
export const BUDGET = {
  hostedRaw: 486 * KiB, // target 400 KiB: not met (481.8 KiB on 2026-11-22; 555.6 on 2026-11-21)
  hostedGzip: 183 * KiB, // target 120 KiB: not met (181.1 KiB on 2026-11-22; 201.4 on 2026-11-21)
  offlineRaw: TARGET.offlineRaw, // met
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
