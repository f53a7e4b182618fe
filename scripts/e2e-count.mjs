#!/usr/bin/env node
// The accessibility statement says how many end-to-end tests ran and passed
// (E2E_TESTS in src/web/about.rs). After `make test-e2e`, this reads the
// run's TAP (the last "# tests" and "# pass" lines) and fails when the
// statement's figure is not this run's, so the figure cannot go stale.
//
// usage: node scripts/e2e-count.mjs target/e2e.tap
import { readFileSync } from "node:fs";

const tap = readFileSync(process.argv[2] || "target/e2e.tap", "utf8");
const last = (key) => {
  const all = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, "gm"))];
  return all.length ? Number(all[all.length - 1][1]) : null;
};
const tests = last("tests"), pass = last("pass");
const about = readFileSync(new URL("../src/web/about.rs", import.meta.url), "utf8");
const stated = Number((about.match(/pub const E2E_TESTS: &str = "(\d+)";/) || [])[1]);
if (tests === null || pass === null) {
  console.error("e2e-count: no '# tests' and '# pass' lines in the TAP output");
  process.exit(1);
}
if (stated !== tests || pass !== tests) {
  console.error(`e2e-count: the accessibility statement says ${stated} end-to-end tests ran and passed; this run had ${tests}, ${pass} passing. Update E2E_TESTS in src/web/about.rs.`);
  process.exit(1);
}
console.log(`e2e-count: ${tests} end-to-end tests ran and passed, as the accessibility statement says`);
