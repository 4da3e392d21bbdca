// Serves a production build like `next start`, but through our own HTTP server so the app knows the
// real socket address of each request (see scripts/peer-address.mjs) and the build's static files go
// out brotli-compressed (see scripts/static-brotli.mjs). `scripts/serve.mjs` (npm start, e2e, bench)
// and the standalone build's `server.mjs` (containers) both serve through this.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { setPeerAddress } from "./peer-address.mjs";
import { securityHeaders } from "./security-headers.mjs";
import { createStaticBrotli } from "./static-brotli.mjs";

/**
 * Starts the app of the build in `dir` on `port` (all interfaces). `conf` is the build's resolved
 * Next config when there is no next.config.js beside it (the standalone output).
 */
export async function serveNext({ dir, port, conf }) {
  process.env.NODE_ENV = "production";
  const app = next({ dev: false, dir, hostname: "localhost", port, ...(conf ? { conf } : {}) });
  await app.prepare();
  const handle = app.getRequestHandler();
  const brotli = createStaticBrotli({
    staticDir: path.join(dir, ".next", "static"),
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
  return server;
}
