import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { limitRules } from "@/server/platform/rate-limits/rules";
import { PEER_ADDRESS_HEADER } from "@/server/request";
import { POST } from "./route";

const state = vi.hoisted(() => ({ db: null as Database | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => null }));

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
});
afterAll(() => handle.close());

/** A tRPC mutation as the app's client sends it over HTTP (superjson, JSON content type). */
function mutation(path: string, input: unknown, { batch = false, ip = "203.0.113.40" } = {}) {
  const url = `http://localhost/api/trpc/${path}${batch ? "?batch=1" : ""}`;
  const body = batch ? { 0: { json: input } } : { json: input };
  return POST(new Request(url, { method: "POST", headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: ip }, body: JSON.stringify(body) }));
}

describe("the tRPC fetch handler", () => {
  it("answers a rate-limited mutation 429 with Retry-After, single and batched", async () => {
    const perEmail = limitRules().passwordResetEmail;
    const email = "limited@example.com";
    for (let i = 0; i < perEmail.points; i++) expect((await mutation("auth.requestPasswordReset", { email })).status).toBe(200);

    const single = await mutation("auth.requestPasswordReset", { email });
    expect(single.status).toBe(429);
    expect(single.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(single.headers.get("retry-after"))).toBeGreaterThan(perEmail.windowSeconds - 10);
    const body = (await single.json()) as { error: { json: { data: { code: string; retryAfter: number } } } };
    expect(body.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfter: Number(single.headers.get("retry-after")) });

    const batched = await mutation("auth.requestPasswordReset", { email }, { batch: true });
    expect(batched.status).toBe(429);
    expect(batched.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(batched.headers.get("retry-after"))).toBeGreaterThan(perEmail.windowSeconds - 10);
  });
});
