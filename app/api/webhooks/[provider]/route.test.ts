import { describe, expect, it, vi } from "vitest";
import { MAX_WEBHOOK_BYTES } from "@/server/health/ingestion/webhooks";
import { POST } from "./route";

// The size limit is enforced before the database is touched.
vi.mock("@/db", () => ({ getDb: async () => ({}) }));

const PIECE = 64 * 1024;

/** A chunked body with no Content-Length that would go on for `totalBytes`; counts what was pulled. */
function endlessBody(totalBytes: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= totalBytes) return controller.close();
      state.pulled += PIECE;
      controller.enqueue(new Uint8Array(PIECE).fill(0x20));
    },
  });
  return { stream, state };
}

describe("POST /api/webhooks/[provider]", () => {
  it("stops reading a chunked body as soon as it passes the limit and answers 413", async () => {
    const { stream, state } = endlessBody(50 * MAX_WEBHOOK_BYTES);
    const request = new Request("http://localhost/api/webhooks/demo", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await POST(request, { params: Promise.resolve({ provider: "demo" }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // At most the limit plus what the stream had queued ahead.
    expect(state.pulled).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 4 * PIECE);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, state } = endlessBody(MAX_WEBHOOK_BYTES * 2);
    const request = new Request("http://localhost/api/webhooks/demo", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-length": String(MAX_WEBHOOK_BYTES + 1) },
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({ provider: "demo" }) });
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(PIECE);
  });
});
