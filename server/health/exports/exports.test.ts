import { randomUUID } from "node:crypto";
import { onPlan } from "@/server/account/plans/testing";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDbHandle } from "@/db";
import { auditEvents, dataExports, profiles } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { GET as fileRoute } from "@/app/api/files/[token]/route";
import { createUser } from "@/server/account/auth/users";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { localFileStorage } from "@/server/platform/storage/local";
import { setFileStorage, type FileStorage } from "@/server/platform/storage";
import { s3FileStorage } from "@/server/platform/storage/s3";
import { signFileToken } from "@/server/platform/storage/signed-url";
import { startFakeS3 } from "@/server/platform/storage/testing/fake-s3";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "@/server/testing";
import { receiveUpload } from "../imports/file-imports";
import { readPoints } from "../timeseries/read";
import { writeSeries } from "../timeseries/write";
import type { NormalizedSample } from "../types";
import { BIOSYNC_CSV_HEADER } from "./csv-format";
import { serveExportDownload } from "./download";
import { MAX_ACTIVE_EXPORTS } from "./exports";
import { runExport } from "./run";

vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => null }));

const testDb = withTestDb({ inProcessJobs: true });
let folder = "";

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "biosync-exports-"));
  setFileStorage(localFileStorage(folder));
  setDbHandle(testDb.handle);
});
afterAll(async () => {
  setFileStorage(null);
  await rm(folder, { recursive: true, force: true });
});

async function newUser(timeZone = "Europe/Berlin") {
  const user = await createUser(testDb.db, { email: `exports-${randomUUID()}@example.com`, verified: true });
  await testDb.db.insert(profiles).values({ userId: user.id, timeZone }).onConflictDoUpdate({ target: profiles.userId, set: { timeZone } });
  const session = sessionFor(user);
  return { id: user.id, session, caller: callerFor(testDb.db, session) };
}

const at = (iso: string) => new Date(iso);
const sample = (metric: NormalizedSample["metric"], source: NormalizedSample["source"], start: string, value: number, extra: Partial<NormalizedSample> = {}): NormalizedSample => ({
  metric,
  source,
  sourceRecordId: `${source}-${start}`,
  start: at(start),
  end: at(start),
  value,
  utcOffsetMinutes: 120,
  ...extra,
});

/** Two days of heart rate from two sources, HRV with durations at another offset, steps, and a day outside the range. */
async function seed(userId: string) {
  const minutes = Array.from({ length: 90 }, (_, i) => sample("heart_rate", "demo", new Date(Date.UTC(2026, 5, 10, 6, i)).toISOString(), 55 + (i % 30), { device: "Demo Band" }));
  await writeSeries(testDb.db, { userId, timeZone: "Europe/Berlin" }, [
    { origin: randomUUID(), samples: minutes },
    {
      origin: null,
      samples: [
        sample("heart_rate", "oura", "2026-06-10T06:00:00.000Z", 72.3),
        sample("heart_rate", "oura", "2026-06-11T22:30:15.250Z", 61.25),
        sample("heart_rate", "oura", "2026-06-11T22:30:15.250Z", 61.25, { occurrence: 1 }),
        sample("hrv_rmssd", "whoop", "2026-06-11T04:00:00.000Z", 48.7, { end: at("2026-06-11T04:05:00.000Z"), utcOffsetMinutes: -300, device: 'WHOOP "4.0", strap' }),
        sample("steps", "fitbit", "2026-06-11T10:00:00.000Z", 1234, { end: at("2026-06-11T10:15:00.000Z") }),
        sample("heart_rate", "demo", "2026-06-01T10:00:00.000Z", 99),
      ],
    },
  ]);
}

const CSV_PARAMS = { metrics: ["heart_rate", "hrv_rmssd", "steps"], from: "2026-06-09", to: "2026-06-12" } as const;

async function finishedExport(user: Awaited<ReturnType<typeof newUser>>, params: { metrics: readonly string[]; from: string; to: string } = CSV_PARAMS) {
  const queued = await user.caller.exports.request({ kind: "csv", params: { ...params, metrics: [...params.metrics] as ["heart_rate"] } });
  expect(queued.status).toBe("queued");
  const drained = await drainJobs(testDb.db, { timeoutMs: 30_000 });
  expect(drained.outcomes.failed).toBe(0);
  return user.caller.exports.get({ id: queued.id });
}

async function download(url: string, now?: Date) {
  const token = url.split("/").at(-1)!;
  return now ? serveExportDownload(testDb.db, token, { userId: null, ip: "127.0.0.1" }, now) : fileRoute(new Request(`http://localhost${url}`), { params: Promise.resolve({ token }) });
}

describe("CSV export", () => {
  it("writes the chosen metrics of the range into storage, and the signed link serves it as an attachment (audited)", async () => {
    const user = await newUser();
    await seed(user.id);
    const done = await finishedExport(user);
    expect(done).toMatchObject({ status: "succeeded", filename: "biosync-metrics-2026-06-09-2026-06-12.csv", progressDone: 95, progressTotal: 95, error: null });
    expect(done.expiresAt!.getTime() - done.finishedAt!.getTime()).toBe(7 * 86_400_000);

    const { url } = await user.caller.exports.downloadUrl({ id: done.id });
    const response = await download(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${done.filename}"; filename*=UTF-8''${done.filename}`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(done.bytes).toBe(Buffer.byteLength(text));
    const lines = text.trimEnd().split("\n");
    expect(`${lines[0]}\n`).toBe(BIOSYNC_CSV_HEADER);
    expect(lines).toHaveLength(1 + 95);
    expect(lines[1]).toBe("heart_rate,/min,2026-06-10T08:00:00+02:00,2026-06-10T08:00:00+02:00,55,demo,Demo Band");
    expect(lines[2]).toBe("heart_rate,/min,2026-06-10T08:00:00+02:00,2026-06-10T08:00:00+02:00,72.3,oura,");
    expect(lines).toContain("hrv_rmssd,ms,2026-06-10T23:00:00-05:00,2026-06-10T23:05:00-05:00,48.7,whoop,\"WHOOP \"\"4.0\"\", strap\"");
    expect(lines).toContain("steps,count,2026-06-11T12:00:00+02:00,2026-06-11T12:15:00+02:00,1234,fitbit,");
    expect(lines.filter((l) => l.startsWith("heart_rate,/min,2026-06-12T00:30:15.250+02:00"))).toHaveLength(2);
    expect(text).not.toContain(",99,");

    const [audit] = await testDb.db.select().from(auditEvents).where(and(eq(auditEvents.action, "exports.downloaded"), eq(auditEvents.targetId, done.id)));
    expect(audit).toMatchObject({ subjectUserId: user.id, targetType: "data_export", details: { kind: "csv", filename: done.filename, bytes: done.bytes } });
  });

  it("refuses the link once expired (410) or tampered (403); another user's link cannot be bent to this file", async () => {
    const alice = await newUser();
    const bob = await newUser();
    await seed(alice.id);
    await seed(bob.id);
    const mine = await finishedExport(alice);
    const theirs = await finishedExport(bob);
    const { url, expiresAt } = await alice.caller.exports.downloadUrl({ id: mine.id });
    expect((await download(url, new Date(expiresAt.getTime() + 1000))).status).toBe(410);
    const token = url.split("/").at(-1)!;
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = `${payload.slice(0, -2)}${payload.at(-2) === "A" ? "B" : "A"}${payload.at(-1)}.${signature}`;
    expect((await download(`/api/files/${flipped}`)).status).toBe(403);
    expect((await download(`/api/files/${payload}.${signature.slice(1)}x`)).status).toBe(403);
    expect((await download("/api/files/not-a-token")).status).toBe(403);

    // Bob's own link, its grant rewritten to Alice's file, keeps Bob's signature: refused.
    const bobs = (await bob.caller.exports.downloadUrl({ id: theirs.id })).url.split("/").at(-1)!;
    const [bobPayload, bobSignature] = bobs.split(".") as [string, string];
    const grant = JSON.parse(Buffer.from(bobPayload, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...grant, k: `users/${alice.id}/exports/${mine.id}.csv`, x: mine.id })).toString("base64url");
    expect((await download(`/api/files/${forged}.${bobSignature}`)).status).toBe(403);
    // Bob cannot get a link to Alice's export at all.
    expect((await rejectionOf(bob.caller.exports.downloadUrl({ id: mine.id }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await rejectionOf(bob.caller.exports.get({ id: mine.id }), TRPCError)).code).toBe("NOT_FOUND");
    expect((await bob.caller.exports.list({ limit: 20 })).items.map((e) => e.id)).toEqual([theirs.id]);
    // A validly signed grant for a file that is not the export's: refused as gone.
    const wrongKey = signFileToken({ key: `users/${bob.id}/exports/${theirs.id}.csv`, filename: "x.csv", expiresAt: new Date(Date.now() + 60_000), exportId: mine.id });
    expect((await download(`/api/files/${wrongKey}`)).status).toBe(410);
  });

  it("expires exports after seven days: the hourly job deletes the file and the link stops working", async () => {
    const user = await newUser();
    await seed(user.id);
    const done = await finishedExport(user);
    const { url } = await user.caller.exports.downloadUrl({ id: done.id });
    const key = `users/${user.id}/exports/${done.id}.csv`;
    expect(await localFileStorage(folder).list(`users/${user.id}/`)).toEqual([key]);
    await emit(testDb.db, "clock/exports-expiry-due", { at: new Date(Date.now() + 8 * 86_400_000).toISOString() });
    await drainJobs(testDb.db, { timeoutMs: 30_000 });
    expect(await user.caller.exports.get({ id: done.id })).toMatchObject({ status: "expired" });
    expect(await localFileStorage(folder).list(`users/${user.id}/`)).toEqual([]);
    expect((await download(url)).status).toBe(410);
    expect((await rejectionOf(user.caller.exports.downloadUrl({ id: done.id }), TRPCError)).code).toBe("CONFLICT");
  });

  it("refuses bad options with the field, kinds without a writer, and more than two exports in progress", async () => {
    const user = await newUser();
    await onPlan(testDb.db, user.id, "pro"); // more exports a day than free allows
    expect(await badRequestFields(user.caller.exports.request({ kind: "csv", params: { ...CSV_PARAMS, metrics: [], from: "2026-06-09" } as never }))).toContain("params.metrics");
    expect(await badRequestFields(user.caller.exports.request({ kind: "csv", params: { metrics: ["heart_rate"], from: "2026-06-12", to: "2026-06-01" } }))).toContain("params.to");
    expect(await badRequestFields(user.caller.exports.request({ kind: "csv", params: { metrics: ["pulse" as "heart_rate"], from: "2026-06-01", to: "2026-06-02" } }))).toContain("params.metrics.0");
    expect(await badRequestFields(user.caller.exports.request({ kind: "nope" as "csv", params: CSV_PARAMS as never }))).toContain("kind");
    for (let i = 0; i < MAX_ACTIVE_EXPORTS; i++) await user.caller.exports.request({ kind: "csv", params: { metrics: ["steps"], from: "2026-06-01", to: "2026-06-02" } });
    const refused = await rejectionOf(user.caller.exports.request({ kind: "csv", params: { metrics: ["steps"], from: "2026-06-01", to: "2026-06-02" } }), TRPCError);
    expect(refused.code).toBe("CONFLICT");
    await drainJobs(testDb.db, { timeoutMs: 30_000 });
    expect((await user.caller.exports.kinds()).map((k) => k.kind)).toContain("csv");
    expect((await rejectionOf(callerFor(testDb.db, null).exports.list({ limit: 5 }), TRPCError)).code).toBe("UNAUTHORIZED");
  });

  it("records a failure with a plain message and leaves no file", async () => {
    const user = await newUser();
    await seed(user.id);
    const failing: FileStorage = { ...localFileStorage(folder), put: async (_key, body) => { for await (const piece of body) void piece; throw new Error("disk full (ENOSPC)"); } };
    const [row] = await testDb.db.insert(dataExports).values({ userId: user.id, kind: "csv", params: { ...CSV_PARAMS, metrics: [...CSV_PARAMS.metrics] } }).returning();
    setFileStorage(failing);
    try {
      await expect(runExport(testDb.db, row!.id, { finalAttempt: true })).rejects.toThrow("disk full");
    } finally {
      setFileStorage(localFileStorage(folder));
    }
    const failed = await user.caller.exports.get({ id: row!.id });
    expect(failed).toMatchObject({ status: "failed", error: "The export could not be written. Try again in a few minutes; if it keeps failing, tell us." });
    expect(failed.error).not.toContain("ENOSPC");
    expect(await localFileStorage(folder).list(`users/${user.id}/`)).toEqual([]);
  });

  it("writes to and serves from S3-compatible storage when that is configured", async () => {
    const fake = await startFakeS3({ bucket: "exports", region: "us-east-1", accessKeyId: "AKIAEXPORTS" });
    setFileStorage(s3FileStorage({ bucket: "exports", region: "us-east-1", endpoint: fake.endpoint, forcePathStyle: true, credentials: { accessKeyId: "AKIAEXPORTS", secretAccessKey: "secret" } }));
    try {
      const user = await newUser();
      await seed(user.id);
      const done = await finishedExport(user);
      expect([...fake.objects.keys()]).toEqual([`users/${user.id}/exports/${done.id}.csv`]);
      const text = await (await download((await user.caller.exports.downloadUrl({ id: done.id })).url)).text();
      expect(text.trimEnd().split("\n")).toHaveLength(1 + 95);
      expect(fake.operations).toContain("GET GetObject");
    } finally {
      setFileStorage(localFileStorage(folder));
      await fake.close();
    }
  });

  it("round trip: the exported file imported into another account gives the same samples", async () => {
    const alice = await newUser();
    const bob = await newUser("America/New_York");
    await seed(alice.id);
    const done = await finishedExport(alice);
    const text = await (await download((await alice.caller.exports.downloadUrl({ id: done.id })).url)).text();
    const upload = await receiveUpload(testDb.db, { userId: bob.id, ip: null, filename: done.filename!, accountId: null, body: (async function* () {
        yield Buffer.from(text);
      })(), declaredBytes: Buffer.byteLength(text) });
    await drainJobs(testDb.db, { timeoutMs: 30_000 });
    const imported = await callerFor(testDb.db, bob.session).imports.get({ id: upload.import.id });
    expect(imported).toMatchObject({ kind: "biosync_csv", status: "succeeded", itemsImported: 95, errorCount: 0 });
    const shape = (p: Awaited<ReturnType<typeof readPoints>>[number]) => [p.metric, p.source, p.start.toISOString(), p.end.toISOString(), p.value, p.utcOffsetMinutes, p.localDate, p.device].join("|");
    const inRange = (await readPoints(testDb.db, { userId: alice.id })).filter((p) => p.localDate >= CSV_PARAMS.from && p.localDate <= CSV_PARAMS.to);
    expect((await readPoints(testDb.db, { userId: bob.id })).map(shape).sort()).toEqual(inRange.map(shape).sort());
  });
});
