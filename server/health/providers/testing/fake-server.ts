import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
}

export interface FakeServer {
  baseUrl: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/**
 * A local stand-in for a provider's HTTP API (127.0.0.1, random port). The handler answers each
 * request; unmatched requests (handler returns undefined) get 404. Every request is recorded.
 */
export async function startFakeServer(handler: (req: FakeRequest) => FakeReply | undefined | Promise<FakeReply | undefined>): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      Promise.resolve(handler(request))
        .then((reply) => {
          if (!reply) {
            res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
            return;
          }
          const headers = { ...(reply.json !== undefined ? { "content-type": "application/json" } : {}), ...reply.headers };
          res.writeHead(reply.status ?? 200, headers).end(reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? ""));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
