// `npm test`: type check, lint, unit/procedure tests (Vitest), end-to-end tests (Playwright).
// Ends with one plain "N passed, N failed" line summing every check and test.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";

const reports = ".data/test-reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, countFrom) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  const ok = result.status === 0;
  const counts = countFrom?.();
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    if (!ok && counts.failed === 0) failed += 1; // the runner itself failed (e.g. a crash before any test)
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok) failures.push(name);
  console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
step("unit and procedure tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/vitest.json`], () => {
  const r = readJson(`${reports}/vitest.json`);
  return r ? { passed: r.numPassedTests, failed: r.numFailedTests } : null;
});
step("end-to-end tests (playwright)", "node", ["scripts/e2e.mjs"], () => {
  const r = readJson(`${reports}/playwright.json`);
  return r ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected } : null;
});

// After the e2e step's build: the standalone output a container runs, on the same database server.
step("standalone server (what a container runs)", "node", ["scripts/standalone-check.mjs"]);

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length ? 1 : 0);
