// Runs the Playwright suite in Debian's Chromium against a production build.
import { spawnSync } from "node:child_process";

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

if (run("node", ["scripts/ensure-chromium.mjs"]) !== 0) process.exit(1);
if (process.env.E2E_SKIP_BUILD !== "1" && run("npx", ["next", "build"]) !== 0) process.exit(1);
process.exit(run("npx", ["playwright", "test", ...process.argv.slice(2)]));
