// Playwright drives Debian's Chromium (browser downloads do not work here): install it if missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.log(`[ensure-chromium] ${CHROMIUM} not found; installing Debian's chromium package…`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: "inherit",
  });
}
if (!existsSync(CHROMIUM)) {
  console.error(`[ensure-chromium] ${CHROMIUM} is still missing after the install.`);
  process.exit(1);
}
