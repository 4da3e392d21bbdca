import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/[provider]/route";
import type { Database } from "@/db";
import * as devicesSchema from "@/db/schema/devices";
import * as ingestionSchema from "@/db/schema/ingestion";
import * as jobsSchema from "@/db/schema/jobs";
import * as timeseriesSchema from "@/db/schema/timeseries";
import { users, webhookDeliveries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { activateConnection } from "@/server/health/devices/connections";
import { MAX_WEBHOOK_BYTES, signsWebhooks } from "@/server/health/ingestion/webhooks";
import { getProvider, providerIds, type RegisteredProviderId } from "@/server/health/providers/registry";
import { webhookSigners } from "@/server/health/providers/testing/webhook-signing";
import { drainJobs } from "@/server/platform/jobs/runner";
import { digestTables, tablesOf } from "./testing/table-digest";

/*
 * The webhook matrix: for every provider of the registry, the requests an attacker (or a confused
 * provider) sends, through the real route handler, each with the status it must get and the rows it
 * may change. A new provider is covered once it says how it signs (webhookSigners is keyed by provider).
 */

const state = vi.hoisted(() => ({ db: null as Database | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));

const handle = withTestDb({ inProcessJobs: true });
const watched = tablesOf(ingestionSchema, timeseriesSchema, devicesSchema, jobsSchema);
const digest = () => digestTables(handle.db, watched);
const MINUTE = 60_000;

beforeAll(() => {
  for (const signer of Object.values(webhookSigners)) for (const [name, value] of Object.entries(signer.env)) vi.stubEnv(name, value);
  state.db = handle.db;
});
afterAll(() => vi.unstubAllEnvs());

/** A POST to /api/webhooks/<provider> as the route receives it. */
async function post(provider: string, body: BodyInit, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const request = new Request(`http://localhost/api/webhooks/${provider}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const response = await POST(request, { params: Promise.resolve({ provider }) });
  return { status: response.status, body: await response.json() };
}

/** A chunked body (no Content-Length) of `bytes` spaces, in 64 KiB pieces. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
}

/** One changed digit: still JSON, no longer what was signed. */
const tamper = (body: string) => body.replace(/\d/, (d) => String((Number(d) + 1) % 10));

interface Case {
  name: string;
  request: () => Promise<{ status: number; body: unknown }>;
  status: number;
}

function rejectedCases(provider: RegisteredProviderId): Case[] {
  const signer = webhookSigners[provider];
  const body = signer.sampleBody();
  const now = () => new Date();
  const cases: Case[] = [
    { name: "missing signature header", request: () => post(provider, body, { "content-type": "application/json" }), status: 401 },
    { name: "malformed JSON with a valid signature", request: () => post(provider, '{"type":"sleep",', signer.sign('{"type":"sleep",', now())), status: 400 },
    { name: "oversize body sent chunked", request: () => post(provider, chunkedBody(MAX_WEBHOOK_BYTES + 256 * 1024), signer.sign("", now())), status: 413 },
    {
      name: "oversize Content-Length",
      request: () => post(provider, body, { ...signer.sign(body, now()), "content-length": String(MAX_WEBHOOK_BYTES + 1) }),
      status: 413,
    },
    ...providerIds
      .filter((other) => other !== provider)
      .map((other) => ({ name: `${other}'s signature`, request: () => post(provider, body, webhookSigners[other].sign(body, now())), status: 401 })),
  ];
  if (signsWebhooks(getProvider(provider)!)) cases.push({ name: "tampered body", request: () => post(provider, tamper(body), signer.sign(body, now())), status: 401 });
  if (signer.timestamped) {
    cases.push(
      { name: "stale timestamp (10 min old)", request: () => post(provider, body, signer.sign(body, new Date(Date.now() - 10 * MINUTE))), status: 401 },
      { name: "future timestamp (10 min ahead)", request: () => post(provider, body, signer.sign(body, new Date(Date.now() + 10 * MINUTE))), status: 401 },
    );
  }
  return cases;
}

const figures = { providers: 0, requests: 0 };
afterAll(() => console.info(`webhook matrix: ${figures.providers} providers, ${figures.requests} requests`));

describe("webhook matrix", () => {
  it("covers every provider of the registry", () => {
    expect(Object.keys(webhookSigners).sort()).toEqual([...providerIds].sort());
  });

  it("an unknown provider is 404 and stores nothing", async () => {
    const before = await digest();
    const body = webhookSigners.demo.sampleBody();
    for (const provider of ["acme", "__proto__", "constructor", "DEMO"]) expect((await post(provider, body, webhookSigners.demo.sign(body, new Date()))).status, provider).toBe(404);
    figures.requests += 4;
    expect(await digest()).toEqual(before);
  });

  describe.each(providerIds)("%s", (provider) => {
    it("refuses every forged, stale, malformed or oversize request with its status and changes no row", async () => {
      figures.providers++;
      const before = await digest();
      const statuses = [];
      for (const c of rejectedCases(provider)) {
        statuses.push({ case: c.name, status: (await c.request()).status });
        figures.requests++;
      }
      expect(statuses).toEqual(rejectedCases(provider).map((c) => ({ case: c.name, status: c.status })));
      expect(await digest()).toEqual(before);
    });

    it("takes the same delivery 10 times as one: one stored delivery, no duplicate rows", async () => {
      const signer = webhookSigners[provider];
      const body = signer.sampleBody();
      const adapter = getProvider(provider)!;
      const parsed = adapter.parseWebhook(body, new Headers()).deliveries;
      // Data sent inline is ingested for a linked account, so duplicates would show as samples.
      const inline = parsed.some((d) => d.records.length > 0);
      if (inline) {
        const [user] = await handle.db.insert(users).values({ email: `wm-${provider}@example.com` }).returning();
        for (const externalUserId of new Set(parsed.map((d) => d.externalUserId))) await activateConnection(handle.db, { userId: user!.id, provider, externalUserId });
      }
      const storedFor = async () => (await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.provider, provider))).length;
      const first = await post(provider, body, signer.sign(body, new Date()));
      expect(first).toEqual({ status: 200, body: { accepted: parsed.length, duplicates: 0 } });
      expect(await storedFor()).toBe(parsed.length);
      expect((await drainJobs(handle.db, { timeoutMs: 30_000 })).pending).toBe(false);
      const once = await digest();
      if (inline) expect(once.raw_records!.rows, "inline data was ingested").toBeGreaterThan(0);
      for (let i = 0; i < 9; i++) expect(await post(provider, body, signer.sign(body, new Date()))).toEqual({ status: 200, body: { accepted: 0, duplicates: parsed.length } });
      figures.requests += 10;
      await drainJobs(handle.db, { timeoutMs: 30_000 });
      expect(await digest()).toEqual(once);
    });

    if (!signsWebhooks(getProvider(provider)!)) {
      it("an unsigned provider's altered body is taken as a hint only: nothing of it is stored as data", async () => {
        const signer = webhookSigners[provider];
        const forged = tamper(signer.sampleBody());
        const answer = await post(provider, forged, signer.sign(forged, new Date()));
        figures.requests++;
        expect(answer.status).toBe(200);
        const stored = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.provider, provider));
        expect(stored.flatMap((d) => (d.body as { records: unknown[] }).records)).toEqual([]);
      });
    }
  });
});
