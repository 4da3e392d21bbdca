import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dailySummaries, fileImportChunks, fileImports, jobEvents, jobRuns, providerDailyTotals, workouts } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "../../account/auth/users";
import { AppError } from "../../errors";
import { drainJobs } from "../../platform/jobs/runner";
import { callerFor, sessionFor } from "../../testing";
import { receiveUpload, runImport } from "./file-imports";
import { UNSUPPORTED_FILE_MESSAGE } from "./parsers";
import { readPoints } from "../timeseries/read";

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

async function pointCount() {
  return (await readPoints(testDb.db, { userId })).length;
}

async function chunkCount() {
  const [row] = await testDb.db
    .select({ n: count() })
    .from(fileImportChunks)
    .innerJoin(fileImports, eq(fileImports.id, fileImportChunks.importId))
    .where(eq(fileImports.userId, userId));
  return row?.n ?? 0;
}

/** The job run that imports `importId`. */
async function importJob(importId: string) {
  const [run] = await testDb.db
    .select({ status: jobRuns.status, attempt: jobRuns.attempt, lastError: jobRuns.lastError })
    .from(jobRuns)
    .innerJoin(jobEvents, eq(jobEvents.id, jobRuns.eventId))
    .where(eq(jobEvents.idempotencyKey, `import-${importId}`));
  return run;
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

  it("stores two identical servings as two, and importing the same records again leaves them at two", async () => {
    const banana = ` <Record type="HKQuantityTypeIdentifierDietaryEnergyConsumed" sourceName="Lose It!" unit="kcal" creationDate="2024-03-10 00:00:00 +0100" startDate="2024-03-10 00:00:00 +0100" endDate="2024-03-10 00:00:00 +0100" value="105"/>\n`;
    const xml = (extra = "") => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n${banana}${banana}</HealthData>\n${extra}`);
    const energy = () => readPoints(testDb.db, { userId, metric: "energy_intake" });
    expect(await uploadAndRun(xml(), "export.xml")).toMatchObject({ status: "succeeded", itemsImported: 2 });
    expect(await energy()).toHaveLength(2);
    // The same records in a file that differs by a trailing newline (so it is not taken for a repeated upload).
    expect(await uploadAndRun(xml("\n"), "export.xml")).toMatchObject({ status: "succeeded", itemsImported: 2 });
    expect(await energy()).toHaveLength(2);
    const [summary] = await testDb.db.select().from(dailySummaries).where(and(eq(dailySummaries.userId, userId), eq(dailySummaries.localDate, "2024-03-10")));
    expect(summary?.values.energy_intake).toBeCloseTo(2 * 105 * 4.184, 3);
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
    const reject = (body: Buffer, maxBytes?: number, filename = "notes.csv") => receiveUpload(testDb.db, { userId, filename, body: pieces(body), limits: { maxBytes } });

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

  it("refuses WHOOP's sleeps.csv at upload, naming the supported files, and keeps nothing", async () => {
    const sleeps = ["Cycle start time,Cycle end time,Cycle timezone,Sleep onset,Wake onset", "2024-03-09 23:10:00,2024-03-10 22:45:00,UTC-05:00,2024-03-09 23:10:00,2024-03-10 07:02:00"].join("\n");
    const refused = await receiveUpload(testDb.db, { userId, filename: "sleeps.csv", body: pieces(Buffer.from(sleeps)) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 400, message: UNSUPPORTED_FILE_MESSAGE, fields: [{ path: "file", message: UNSUPPORTED_FILE_MESSAGE }] });
    expect(UNSUPPORTED_FILE_MESSAGE).toContain("physiological_cycles.csv");
    expect(UNSUPPORTED_FILE_MESSAGE).toContain("journal_entries.csv");
    expect(await rowsOf(fileImports)).toBe(0);
  });

  it("fails an export.xml cut off halfway with a clear message, keeping nothing and removing its pieces, without retrying", async () => {
    const earlier = await uploadAndRun(APPLE, "export.xml");
    const before = { points: await pointCount(), workouts: await rowsOf(workouts), totals: await rowsOf(providerDailyTotals), summaries: await rowsOf(dailySummaries) };
    const cutOff = APPLE.subarray(0, APPLE.indexOf("<ActivitySummary"));
    const { import: queued } = await receiveUpload(testDb.db, { userId, filename: "export.xml", body: pieces(cutOff) });
    await drainJobs(testDb.db, { backoff: { baseMs: 5, maxMs: 20 } });
    expect(await importJob(queued.id)).toMatchObject({ status: "failed", attempt: 0 });
    const [failed] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, queued.id));
    expect(failed).toMatchObject({ status: "failed", itemsImported: 0 });
    expect(failed?.error).toMatch(/^This export\.xml is broken at line \d+ \(unclosed tag: HealthData\).*Nothing was imported/);
    expect(await chunkCount()).toBe(0);
    // Nothing of the broken file was kept, and nothing the earlier import wrote was lost.
    expect({ points: await pointCount(), workouts: await rowsOf(workouts), totals: await rowsOf(providerDailyTotals), summaries: await rowsOf(dailySummaries) }).toEqual(before);
    expect(earlier.status).toBe("succeeded");
  });

  it("fails an export.xml with two root elements and keeps nothing", async () => {
    const twoRoots = Buffer.concat([APPLE, Buffer.from('<HealthData locale="en_US"><Record type="HKQuantityTypeIdentifierHeartRate" sourceName="x" unit="count/min" startDate="2020-01-01 08:00:00 +0000" endDate="2020-01-01 08:00:00 +0000" value="60"/></HealthData>\n')]);
    const failure = await uploadAndRun(twoRoots, "export.xml").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/only one root/);
    expect(await pointCount()).toBe(0);
    expect(await rowsOf(workouts)).toBe(0);
    expect(await chunkCount()).toBe(0);
  });

  it("tolerates the quirks of real exports: the broken DTD of iOS 16 and a stray vertical tab", async () => {
    const ios16Dtd = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 12 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT VisionPrescription ((RightEye|LeftEye|Attachment|MetadataEntry)*)>
<!ATTLIST VisionPrescription
  type             CDATA #REQUIRED
  dateIssued       CDATA #REQUIRED
  expirationDate   CDATA #REQUIRED
  brand            CDATA #IMPLIED
<!ELEMENT RightEye EMPTY>
<!ATTLIST RightEye
  sphere           CDATA #IMPLIED
<!ELEMENT LeftEye EMPTY>
]>
`;
    const quirky = Buffer.from(ios16Dtd + APPLE.toString("utf8").replace('sourceName="Health Mate"', 'sourceName="Health\u000bMate"'));
    const done = await uploadAndRun(quirky, "export.xml");
    expect(done).toMatchObject({ status: "succeeded", itemsImported: 7, errorCount: 1 });
    expect(done.errors[0]).toMatchObject({ recordType: "xml", message: expect.stringContaining("disallowed character") });
    expect(await pointCount()).toBe(2);
  });

  it("fails a file that is not what it claims at once, without retries, and removes its pieces", async () => {
    const notAZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2048, 7)]);
    const { import: queued } = await receiveUpload(testDb.db, { userId, filename: "export.zip", body: pieces(notAZip) });
    expect(queued.kind).toBe("apple_zip");
    expect(await chunkCount()).toBe(1);
    await drainJobs(testDb.db, { backoff: { baseMs: 5, maxMs: 20 } });
    // One attempt: the job's retries are for failures another attempt could fix.
    expect(await importJob(queued.id)).toMatchObject({ status: "failed", attempt: 0 });
    const [failed] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, queued.id));
    expect(failed).toMatchObject({ status: "failed", error: "This file is not a readable zip archive." });
    expect(await chunkCount()).toBe(0);
  });

  it("keeps the pieces of an import that failed for a passing reason until its last attempt", async () => {
    // The database loses its connection while the samples are written.
    const flaky = new Proxy(testDb.db, {
      get: (target, key, receiver) => (key === "execute" ? () => Promise.reject(new Error("connection lost")) : Reflect.get(target, key, receiver)),
    });
    const { import: queued } = await receiveUpload(testDb.db, { userId, filename: "export.xml", body: pieces(APPLE) });
    await expect(runImport(flaky, queued.id, { finalAttempt: false })).rejects.toThrow("connection lost");
    const [waiting] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, queued.id));
    expect(waiting).toMatchObject({ status: "queued", error: "connection lost", finishedAt: null });
    expect(await chunkCount()).toBe(1);
    expect(await runImport(testDb.db, queued.id)).toMatchObject({ status: "succeeded", itemsImported: 7 });
    expect(await chunkCount()).toBe(0);

    const { import: again } = await receiveUpload(testDb.db, { userId, filename: "export.xml", body: pieces(Buffer.concat([APPLE, Buffer.from("\n")])) });
    await expect(runImport(flaky, again.id, { finalAttempt: true })).rejects.toThrow("connection lost");
    const [failed] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, again.id));
    expect(failed).toMatchObject({ status: "failed", error: "connection lost" });
    expect(await chunkCount()).toBe(0);
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
