import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, DbHandle } from "@/db";
import { journalEntries, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { openPokeStreams } from "@/server/sync/poke-stream";
import type { SessionUser } from "@/server/trpc";
import { GET } from "./route";

const state = vi.hoisted(() => ({ db: null as Database | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  state.db = handle.db;
});
afterAll(() => handle.close());

/** Reads the stream until `text` has arrived (or fails after `ms`). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, ms = 2_000): Promise<string> {
  const decoder = new TextDecoder();
  let seen = "";
  const deadline = Date.now() + ms;
  while (!seen.includes(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no ${JSON.stringify(text)} within ${ms} ms; got ${JSON.stringify(seen)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (!chunk) continue;
    if (chunk.done) throw new Error(`the stream ended; got ${JSON.stringify(seen)}`);
    seen += decoder.decode(chunk.value);
  }
  return seen;
}

describe("GET /api/sync/poke", () => {
  it("401 JSON, not cached, when signed out", async () => {
    state.user = null;
    const response = await GET(new Request("http://localhost/api/sync/poke"));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  it("streams a poke event when the signed-in user's journal changes, and lets go on abort", async () => {
    const [user] = await handle.db.insert(users).values({ email: `sse-${crypto.randomUUID()}@example.com` }).returning();
    state.user = { id: user!.id, email: user!.email, name: null, role: "user", sessionId: crypto.randomUUID() };
    const abort = new AbortController();
    const response = await GET(new Request("http://localhost/api/sync/poke", { signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toMatch(/^no-store/);
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, "\n\n")).toContain("retry: 2000\n");
    expect(openPokeStreams(user!.id)).toBe(1);

    // The process hub starts listening on the first subscriber; keep writing until it hears one.
    let day = 1;
    const write = () => handle.db.insert(journalEntries).values({ userId: user!.id, localDate: `2026-04-${String(day++).padStart(2, "0")}` }).execute();
    const writing = setInterval(() => void write(), 200);
    try {
      expect(await readUntil(reader, "event: poke\ndata: {}\n\n", 5_000)).toContain("event: poke");
    } finally {
      clearInterval(writing);
    }
    abort.abort();
    expect(await reader.read()).toMatchObject({ done: true });
    expect(openPokeStreams(user!.id)).toBe(0);
  });
});
