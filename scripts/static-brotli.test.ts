import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, createStaticBrotli } from "./static-brotli.mjs";

describe("acceptsBrotli", () => {
  it("reads the Accept-Encoding list, with q-values", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5, gzip")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip, deflate")).toBe(false);
    expect(acceptsBrotli("brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});

describe("createStaticBrotli", () => {
  const script = "export const answer = 42;\n".repeat(200);
  let dir: string;
  let server: Server;
  let brotli: ReturnType<typeof createStaticBrotli>;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "static-brotli-"));
    mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
    writeFileSync(path.join(dir, "static", "chunks", "app.js"), script);
    writeFileSync(path.join(dir, "secret.js"), "outside");
    brotli = createStaticBrotli({ staticDir: path.join(dir, "static"), headers: { "X-Content-Type-Options": "nosniff" } });
    // Whatever the helper declines, "Next" answers: a plain 299 the tests can tell apart.
    server = createServer((req, res) => {
      if (brotli.serve(req, res)) return;
      res.writeHead(299, { "content-type": "text/plain" });
      res.end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function get(url: string, headers: Record<string, string> = { "accept-encoding": "gzip, br" }, method = "GET") {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: url, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("leaves the first request to Next, then serves the compressed copy with the app's headers", async () => {
    const first = await get("/_next/static/chunks/app.js");
    expect(first.status).toBe(299);
    await brotli.settled();

    const second = await get("/_next/static/chunks/app.js?dpl=abc");
    expect(second.status).toBe(200);
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(second.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(second.headers.vary).toBe("Accept-Encoding");
    expect(second.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
    expect(second.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(second.body).toString()).toBe(script);

    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next what it cannot answer the same way", async () => {
    await get("/_next/static/chunks/app.js");
    await brotli.settled();
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" })).status).toBe(299);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=0-10" })).status).toBe(299);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br", "if-none-match": 'W/"x"' })).status).toBe(299);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "POST")).status).toBe(299);
    expect((await get("/dashboard")).status).toBe(299);
    expect((await get("/_next/static/media/font.woff2")).status).toBe(299);
  });

  it("never reads outside the static folder, and a missing file stays Next's 404", async () => {
    for (const url of ["/_next/static/../secret.js", "/_next/static/%2e%2e/secret.js", "/_next/static/chunks/missing.js", "/_next/static/%E0%A4%A.js"]) {
      await get(url);
      await brotli.settled();
      const again = await get(url);
      expect(again.status, url).toBe(299);
    }
  });
});
