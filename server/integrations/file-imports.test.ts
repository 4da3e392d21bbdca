import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dailySummaries, fileImportChunks, fileImports, jobEvents, providerDailyTotals, workouts } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "../auth/users";
import { AppError } from "../errors";
import { drainJobs } from "../jobs/runner";
import { callerFor, sessionFor } from "../testing";
import { receiveUpload, runImport } from "./file-imports";
import { readPoints } from "./timeseries/read";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/samples");
const FITBIT = readFileSync(path.join(SAMPLES, "fitbit-dailyActivity-merged.csv"));
const APPLE = readFileSync(path.join(SAMPLES, "apple-health-export-simonw.xml"));
const FITBIT_HEADER = FITBIT.toString("utf8").split(/\r?\n/, 1)[0] ?? "";

const testDb = withTestDb({ inProcessJobs: true });
let userId: string;

/** The bytes as a request body would deliver them: pieces of `size` bytes. */
async function* pieces(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function callerAs(id: string) {
  return callerFor(testDb.db, sessionFor({ id, email: `${id}@example.com` }));
}

async function rowsOf<T extends typeof fileImports | typeof providerDailyTotals | typeof workouts | typeof dailySummaries>(table: T) {
  const [row] = await testDb.db.select({ n: count() }).from(table as typeof fileImports).where(eq((table as typeof fileImports).userId, userId));
  return row?.n ?? 0;
}

async function chunkCount() {
  const [row] = await testDb.db
    .select({ n: count() })
    .from(fileImportChunks)
    .innerJoin(fileImports, eq(fileImports.id, fileImportChunks.importId))
    .where(eq(fileImports.userId, userId));
  return row?.n ?? 0;
}

async function uploadAndRun(bytes: Buffer, filename: string, accountId?: string) {
  const uploaded = await receiveUpload(testDb.db, { userId, filename, accountId, body: pieces(bytes) });
  expect(uploaded.duplicate).toBe(false);
  return runImport(testDb.db, uploaded.import.id);
}

beforeEach(async () => {
  userId = (await createUser(testDb.db, { email: `importer-${randomUUID()}@example.com`, verified: true })).id;
});

describe("file imports", () => {
  it("stores the Fitbit CSV in pieces, queues its job, and the job imports the first person into the daily summaries", async () => {
    const { import: queued, duplicate } = await receiveUpload(testDb.db, { userId, filename: "dailyActivity_merged.csv", body: pieces(FITBIT) });
    expect(duplicate).toBe(false);
    expect(queued).toMatchObject({ status: "queued", kind: "fitbit_daily_csv", sizeBytes: FITBIT.length, accountId: "1503960366", bytesProcessed: 0 });
    expect(queued.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await chunkCount()).toBe(Math.ceil(FITBIT.length / (1024 * 1024)));
    const [event] = await testDb.db.select().from(jobEvents).where(eq(jobEvents.idempotencyKey, `import-${queued.id}`));
    expect(event).toMatchObject({ name: "imports/file.uploaded", data: { importId: queued.id, userId } });

    await drainJobs(testDb.db);

    const [done] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, queued.id));
    // 1503960366 has 31 days, one without activity; each day gives steps, distance, active time and energy.
    expect(done).toMatchObject({ status: "succeeded", bytesProcessed: FITBIT.length, itemsImported: 30 * 4, skipped: 940 - 30, errorCount: 0, errors: [], error: null });
    expect(done?.startedAt).toBeInstanceOf(Date);
    expect(done?.finishedAt).toBeInstanceOf(Date);
    expect(await chunkCount()).toBe(0);
    expect(await rowsOf(providerDailyTotals)).toBe(30 * 4);
    expect(await rowsOf(dailySummaries)).toBe(30);
    const [day] = await testDb.db
      .select()
      .from(dailySummaries)
      .where(and(eq(dailySummaries.userId, userId), eq(dailySummaries.localDate, "2016-04-12")));
    expect(day?.values.steps).toBe(13_162);
    expect(day?.sources.steps).toBe("fitbit");
  });

  it("answers a second upload of the same file with the earlier import and stores nothing new", async () => {
    const first = await uploadAndRun(FITBIT, "dailyActivity_merged.csv");
    const before = { totals: await rowsOf(providerDailyTotals), summaries: await rowsOf(dailySummaries) };
    const [{ n: eventsBefore } = { n: 0 }] = await testDb.db.select({ n: count() }).from(jobEvents);

    for (const accountId of [undefined, "1503960366"]) {
      const again = await receiveUpload(testDb.db, { userId, filename: "copy.csv", accountId, body: pieces(FITBIT, 1000) });
      expect(again.duplicate).toBe(true);
      expect(again.import.id).toBe(first.id);
    }
    expect(await rowsOf(fileImports)).toBe(1);
    expect(await chunkCount()).toBe(0);
    expect(await rowsOf(providerDailyTotals)).toBe(before.totals);
    expect(await rowsOf(dailySummaries)).toBe(before.summaries);
    const [{ n: eventsAfter } = { n: 0 }] = await testDb.db.select({ n: count() }).from(jobEvents);
    expect(eventsAfter).toBe(eventsBefore);

    // Another person in the same file is a new import.
    const other = await uploadAndRun(FITBIT, "dailyActivity_merged.csv", "8877689391");
    expect(other).toMatchObject({ status: "succeeded", accountId: "8877689391", itemsImported: 31 * 4 });
    expect(await rowsOf(fileImports)).toBe(2);
  });

  it("imports the Apple Health export.xml: samples, workouts, daily totals and their summaries", async () => {
    const done = await uploadAndRun(APPLE, "export.xml");
    expect(done).toMatchObject({ status: "succeeded", kind: "apple_xml", itemsImported: 7, errorCount: 0, bytesProcessed: APPLE.length, sizeBytes: APPLE.length });
    const stored = await readPoints(testDb.db, { userId });
    expect(stored.map((s) => [s.metric, s.value]).sort()).toEqual([
      ["bmi", 22.5312],
      ["heart_rate", 72],
    ]);
    expect(stored.every((s) => s.source === "apple_health")).toBe(true);
    const [run] = await testDb.db.select().from(workouts).where(eq(workouts.userId, userId));
    expect(run).toMatchObject({ activityType: "running", source: "apple_health", localDate: "2016-11-14" });
    expect(await rowsOf(providerDailyTotals)).toBe(4);
    const days = await testDb.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    const nov15 = days.find((d) => d.localDate === "2016-11-15");
    expect(nov15?.values.active_duration).toBe(68 * 60);
    expect(days.some((d) => d.localDate === "2018-09-10" && d.values.heart_rate === 72)).toBe(true);
  });

  it("keeps a bad CSV row in the error report and imports the rest", async () => {
    const csv = [
      FITBIT_HEADER,
      "42,4/12/2016,1000,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      "42,13/45/2016,1000,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      "42,4/14/2016,2000,1.4,1.4,0,0,0,1.4,0,10,5,60,1300,1900",
    ].join("\n");
    const done = await uploadAndRun(Buffer.from(csv), "activity.csv");
    expect(done).toMatchObject({ status: "succeeded", accountId: "42", itemsImported: 2 * 4, errorCount: 1 });
    expect(done.errors).toEqual([{ line: 3, recordType: "ActivityDate", message: 'invalid date "13/45/2016" (expected M/D/YYYY)' }]);
    expect(await rowsOf(dailySummaries)).toBe(2);
  });

  it("rejects a file it cannot read, an empty one and one over the size limit, storing nothing", async () => {
    const reject = (body: Buffer, maxBytes?: number, filename = "notes.csv") => receiveUpload(testDb.db, { userId, filename, body: pieces(body), maxBytes });

    const unknown = await reject(Buffer.from("name,age\nAda,36\n")).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect(unknown).toMatchObject({ code: "BAD_REQUEST", fields: [{ path: "file" }] });
    await expect(reject(Buffer.alloc(0))).rejects.toMatchObject({ code: "BAD_REQUEST", fields: [{ path: "file" }] });
    await expect(reject(FITBIT, 1000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // Large enough that a first piece was already stored when the limit is crossed.
    const big = Buffer.concat([FITBIT, ...Array.from({ length: 30 }, () => Buffer.from(FITBIT.toString("utf8").slice(FITBIT_HEADER.length)))]);
    await expect(reject(big, 1.5 * 1024 * 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(receiveUpload(testDb.db, { userId, filename: "  ", body: pieces(FITBIT) })).rejects.toMatchObject({ fields: [{ path: "filename" }] });

    expect(await rowsOf(fileImports)).toBe(0);
    expect(await testDb.db.select({ n: count() }).from(fileImportChunks)).toEqual([{ n: 0 }]);
  });

  it("shows users their own imports only, newest first, a page at a time", async () => {
    const apple = await uploadAndRun(APPLE, "export.xml");
    const fitbit = await uploadAndRun(FITBIT, "dailyActivity_merged.csv");
    const me = callerAs(userId);

    const view = await me.imports.get({ id: apple.id });
    expect(view).toMatchObject({ id: apple.id, status: "succeeded", filename: "export.xml", itemsImported: 7, errors: [] });
    const first = await me.imports.list({ limit: 1 });
    expect(first.items.map((i) => i.id)).toEqual([fitbit.id]);
    const second = await me.imports.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual([apple.id]);
    expect(second.nextCursor).toBeNull();

    const stranger = callerAs((await createUser(testDb.db, { email: `other-${randomUUID()}@example.com` })).id);
    await expect(stranger.imports.get({ id: apple.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stranger.imports.list({})).items).toEqual([]);
    await expect(callerFor(testDb.db, null).imports.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
