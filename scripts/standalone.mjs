// Completes Next's standalone output (.next/standalone, made by `next build`) into a folder that runs
// on its own, as a container image copies it: the static files and public/ Next leaves out, the
// migrations the app applies at start-up, and our server entry (scripts/standalone-server.mjs).
// Usage: node scripts/standalone.mjs   (after `next build`), then `node .next/standalone/server.mjs`.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const out = path.join(root, ".next", "standalone");
if (!existsSync(path.join(out, ".next"))) {
  console.error("No .next/standalone: run `next build` first (next.config.js sets output: \"standalone\").");
  process.exit(1);
}
const copies = [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["db/migrations", "db/migrations"],
  ["scripts/http-server.mjs", "scripts/http-server.mjs"],
  ["scripts/peer-address.mjs", "scripts/peer-address.mjs"],
  ["scripts/security-headers.mjs", "scripts/security-headers.mjs"],
  ["scripts/static-brotli.mjs", "scripts/static-brotli.mjs"],
  ["scripts/standalone-server.mjs", "server.mjs"],
];
for (const [from, to] of copies) cpSync(path.join(root, from), path.join(out, to), { recursive: true });
console.log(`Standalone build ready: node ${path.relative(root, path.join(out, "server.mjs"))}`);
