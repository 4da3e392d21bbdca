import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { fileImports, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { limitRules } from "@/server/platform/rate-limits/rules";
import { PEER_ADDRESS_HEADER } from "@/server/request";
import type { SessionUser } from "@/server/trpc";
import { POST } from "./route";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/samples");
const FITBIT = readFileSync(path.join(SAMPLES, "fitbit-dailyActivity-merged.csv"));
const APPLE = readFileSync(path.join(SAMPLES, "apple-health-export-simonw.xml"));

const state = vi.hoisted(() => ({ db: null as Database | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

let handle: DbHandle;

beforeAll(async () => {
  // The env knobs of the upload limits (read once, on first use).
  vi.stubEnv("UPLOAD_RATE_LIMIT", "6");
  vi.stubEnv("UPLOAD_RATE_WINDOW_SECONDS", "900");
  vi.stubEnv("UPLOAD_QUOTA_BYTES", String(Math.floor(FITBIT.length * 1.5)));
  handle = await createTestDb();
  state.db = handle.db;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
});
beforeEach(async () => {
  const [user] = await handle.db.insert(users).values({ email: `u-${Math.random()}@example.com` }).returning();
  state.user = { id: user!.id, email: user!.email, name: null, role: "user", sessionId: crypto.randomUUID() };
});

/** An upload as a browser sends it: the raw file as the body, streamed in pieces. */
function upload(bytes: Buffer, query = "filename=daily.csv", headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 32 * 1024) controller.enqueue(bytes.subarray(i, i + 32 * 1024));
      controller.close();
    },
  });
  return POST(new Request(`http://localhost/api/imports?${query}`, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

const importsOfUser = () => handle.db.select().from(fileImports).where(eq(fileImports.userId, state.user!.id));

describe("POST /api/imports", () => {
  it("five parallel uploads of the same file: one 202 with the import, four 200 answering with it", async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => upload(FITBIT)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { import: { id: string }; duplicate: boolean }[];
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
    expect(new Set(bodies.map((b) => b.import.id)).size).toBe(1);
    expect(await importsOfUser()).toHaveLength(1);
  });

  it("answers 413 naming the quota when the held uploads and the new file do not fit", async () => {
    expect((await upload(FITBIT)).status).toBe(202);
    const response = await upload(FITBIT, "filename=daily.csv&accountId=8877689391");
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as { error: { code: string; message: string; fields: { path: string }[] } };
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fields: [{ path: "file" }] });
    expect(error.message).toMatch(/already hold 109 KB of the 163 KB allowed per account/);
    expect(await importsOfUser()).toHaveLength(1);
  });

  it("answers 429 with Retry-After past the upload rate limit", async () => {
    for (let i = 0; i < 6; i++) expect((await upload(APPLE, "filename=export.xml")).status).toBe(i === 0 ? 202 : 200);
    const response = await upload(APPLE, "filename=export.xml");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(890);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("TOO_MANY_REQUESTS");
  });

  it("answers 400 naming the field for a filename or an account id with a NUL byte or a line break, and stores nothing", async () => {
    for (const query of ["filename=daily%00.csv", "filename=daily%0A.csv", "filename=daily.csv&accountId=88%00"]) {
      const response = await upload(FITBIT, query);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; fields: { path: string }[] } };
      expect(error).toMatchObject({ code: "BAD_REQUEST", fields: [{ path: query.includes("accountId") ? "accountId" : "filename" }] });
    }
    expect(await importsOfUser()).toHaveLength(0);
  });

  it("answers 429 with Retry-After past the per-IP limit, whichever account uploads", async () => {
    const perIp = limitRules().uploadIp;
    const notAnExport = Buffer.from("just some notes\n");
    const fromOneIp = { [PEER_ADDRESS_HEADER]: "198.51.100.23" };
    for (let i = 0; i < perIp.points; i++) {
      const [user] = await handle.db.insert(users).values({ email: `ip-${i}-${Math.random()}@example.com` }).returning();
      state.user = { id: user!.id, email: user!.email, name: null, role: "user", sessionId: crypto.randomUUID() };
      expect((await upload(notAnExport, "filename=notes.txt", fromOneIp)).status).toBe(400);
    }
    const response = await upload(notAnExport, "filename=notes.txt", fromOneIp);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(perIp.windowSeconds - 10);
    expect((await upload(notAnExport, "filename=notes.txt", { [PEER_ADDRESS_HEADER]: "198.51.100.24" })).status).toBe(400);
  });
});
