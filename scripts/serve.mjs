// Serves the production build in this checkout (see scripts/http-server.mjs). `npm start` and the e2e
// server run this. Usage: node scripts/serve.mjs [port]   (else PORT, else 3000; all interfaces).
import { serveNext } from "./http-server.mjs";

await serveNext({ dir: process.cwd(), port: Number(process.argv[2] ?? process.env.PORT ?? 3000) });
