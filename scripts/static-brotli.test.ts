import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, createStaticBrotli, precompressStatic } from "./static-brotli.mjs";

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

describe("precompressStatic and createStaticBrotli", () => {
  const script = "export const answer = 42;\n".repeat(200);
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "static-brotli-"));
    mkdirSync(path.join(dir, "static", "chunks", "app"), { recursive: true });
    mkdirSync(path.join(dir, "static", "media"), { recursive: true });
    writeFileSync(path.join(dir, "static", "chunks", "app", "page.js"), script);
    writeFileSync(path.join(dir, "static", "media", "font.woff2"), "binary");
    writeFileSync(path.join(dir, "secret.js"), "outside");
    expect(await precompressStatic(path.join(dir, "static"))).toBe(1);
    // Without a copy: a file written after the build step, and one outside the static folder.
    writeFileSync(path.join(dir, "static", "chunks", "late.js"), "written after the build step");
    writeFileSync(path.join(dir, "secret.js.br"), "outside");

    const brotli = createStaticBrotli({ staticDir: path.join(dir, "static"), headers: { "X-Content-Type-Options": "nosniff" } });
    // Whatever the helper declines, "Next" answers: a plain 299 the tests can tell apart.
    server = createServer((req, res) => {
      void brotli.serve(req, res).then((served) => {
        if (served) return;
        res.writeHead(299, { "content-type": "text/plain" });
        res.end("next");
      });
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

  it("writes a copy beside each script and stylesheet only", () => {
    expect(existsSync(path.join(dir, "static", "chunks", "app", "page.js.br"))).toBe(true);
    expect(existsSync(path.join(dir, "static", "media", "font.woff2.br"))).toBe(false);
  });

  it("serves the copy with the app's headers", async () => {
    const answer = await get("/_next/static/chunks/app/page.js?dpl=abc");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);

    const head = await get("/_next/static/chunks/app/page.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next what it cannot answer the same way", async () => {
    const page = "/_next/static/chunks/app/page.js";
    expect((await get(page, { "accept-encoding": "gzip" })).status).toBe(299);
    expect((await get(page, { "accept-encoding": "br", range: "bytes=0-10" })).status).toBe(299);
    expect((await get(page, { "accept-encoding": "br", "if-none-match": 'W/"x"' })).status).toBe(299);
    expect((await get(page, { "accept-encoding": "br" }, "POST")).status).toBe(299);
    expect((await get("/_next/static/chunks/late.js")).status).toBe(299);
    expect((await get("/dashboard")).status).toBe(299);
    expect((await get("/_next/static/media/font.woff2")).status).toBe(299);
  });

  it("never reads outside the static folder", async () => {
    for (const url of ["/_next/static/../secret.js", "/_next/static/%2e%2e/secret.js", "/_next/static/chunks/missing.js", "/_next/static/%E0%A4%A.js"]) {
      expect((await get(url)).status, url).toBe(299);
    }
  });
});
