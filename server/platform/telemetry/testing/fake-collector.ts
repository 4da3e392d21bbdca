import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What a fake OTLP/HTTP collector received: the JSON bodies posted to /v1/traces and /v1/metrics. */
export interface FakeCollector {
  url: string;
  traces: unknown[];
  metrics: unknown[];
  close(): Promise<void>;
}

/** A local OTLP/HTTP collector accepting JSON exports (tests point OTEL_EXPORTER_OTLP_ENDPOINT at it). */
export async function startFakeCollector(): Promise<FakeCollector> {
  const traces: unknown[] = [];
  const metrics: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const into = req.method === "POST" && req.url === "/v1/traces" ? traces : req.method === "POST" && req.url === "/v1/metrics" ? metrics : null;
      if (!into || !req.headers["content-type"]?.includes("json")) {
        res.writeHead(404).end();
        return;
      }
      into.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    traces,
    metrics,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
