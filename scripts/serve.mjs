// Serves the production build like `next start`, but through our own HTTP server so the app knows
// the real socket address of each request (see scripts/peer-address.mjs) and the build's static
// files go out brotli-compressed (see scripts/static-brotli.mjs). `npm start` and the e2e server
// run this. Usage: node scripts/serve.mjs [port]   (else PORT, else 3000; all interfaces).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { securityHeaders } from "../next.config.js";
import { setPeerAddress } from "./peer-address.mjs";
import { createStaticBrotli } from "./static-brotli.mjs";

process.env.NODE_ENV = "production";
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
const brotli = createStaticBrotli({
  staticDir: path.join(process.cwd(), ".next", "static"),
  headers: Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
});

const server = createServer((req, res) => {
  setPeerAddress(req);
  brotli
    .serve(req, res)
    .catch((error) => {
      console.error(error);
      return res.headersSent;
    })
    .then((served) => served || handle(req, res))
    .catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
});
server.listen(port, () => console.log(`BioSync ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
