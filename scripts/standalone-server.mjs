// The entry of the standalone build: scripts/standalone.mjs copies it to .next/standalone/server.mjs,
// and a container runs `node server.mjs` there. Unlike Next's own standalone server.js it serves
// through scripts/http-server.mjs, so that the client address comes from the socket and a header a
// client sends cannot forge it. Usage: node server.mjs [port]   (else PORT, else 3000).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveNext } from "./scripts/http-server.mjs";

const dir = path.dirname(fileURLToPath(import.meta.url));
// Migrations, the embedded database's default folder and file storage resolve from here, as in a checkout.
process.chdir(dir);
const { config } = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8"));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
await serveNext({ dir, port: Number(process.argv[2] ?? process.env.PORT ?? 3000), conf: config });
