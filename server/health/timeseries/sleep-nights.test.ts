import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { dailySummaries, sleepSessions } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "../../account/auth/users";
import { receiveUpload, runImport } from "../imports/file-imports";
import { ingestRecords } from "../ingestion/ingest";
import { normalizeWhoop } from "../providers/whoop/normalize";
import { whoopSleep } from "../providers/whoop/testing/fixtures";
import { oneSessionPerNight } from "./sleep-nights";

const testDb = withTestDb({ inProcessJobs: true });
let userId: string;

beforeEach(async () => {
  userId = (await createUser(testDb.db, { email: `sleeper-${randomUUID()}@example.com`, verified: true })).id;
});

async function importFile(text: string, filename: string) {
  const uploaded = await receiveUpload(testDb.db, {
    userId,
    filename,
    body: (async function* () {
      yield Buffer.from(text);
    })(),
  });
  return runImport(testDb.db, uploaded.import.id);
}

async function day(localDate: string) {
  const [row] = await testDb.db.select().from(dailySummaries).where(and(eq(dailySummaries.userId, userId), eq(dailySummaries.localDate, localDate)));
  return row;
}

const sleep = (source: string, stage: string, start: string, end: string) =>
  ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="${source}" creationDate="${end}" startDate="${start}" endDate="${end}" value="HKCategoryValueSleepAnalysis${stage}"/>\n`;
const at = (time: string, date = "2024-03-11") => `${date} ${time} -0700`;

describe("a night is counted once", () => {
  it("takes one of the overlapping nights that three apps wrote to one Apple export, and keeps the nap apart", async () => {
    const records = [
      // Apple Watch: staged, 7.5 h asleep.
      sleep("Apple Watch", "AsleepCore", at("23:00:00", "2024-03-10"), at("02:00:00")),
      sleep("Apple Watch", "AsleepDeep", at("02:00:00"), at("03:00:00")),
      sleep("Apple Watch", "AsleepREM", at("03:00:00"), at("04:00:00")),
      sleep("Apple Watch", "AsleepCore", at("04:00:00"), at("06:30:00")),
      // AutoSleep and Pillow: the same night, unstaged.
      sleep("AutoSleep", "InBed", at("22:30:00", "2024-03-10"), at("06:45:00")),
      sleep("AutoSleep", "Asleep", at("22:45:00", "2024-03-10"), at("06:40:00")),
      sleep("Pillow", "InBed", at("23:00:00", "2024-03-10"), at("06:30:00")),
      sleep("Pillow", "Asleep", at("23:10:00", "2024-03-10"), at("06:20:00")),
      // An afternoon nap on the wake-up day.
      sleep("Apple Watch", "AsleepCore", at("14:00:00"), at("14:40:00")),
    ].join("");
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n${records}</HealthData>\n`;
    const done = await importFile(xml, "export.xml");
    expect(done).toMatchObject({ status: "succeeded", errorCount: 0 });
    // All three nights stay stored (they are the apps' records); the summary counts one.
    const stored = await testDb.db.select().from(sleepSessions).where(eq(sleepSessions.userId, userId));
    expect(stored.filter((s) => !s.isNap)).toHaveLength(3);

    const values = (await day("2024-03-11"))?.values ?? {};
    expect(values.sleep_asleep_seconds).toBe(7.5 * 3600);
    expect(values.sleep_deep_seconds).toBe(3600);
    expect(values.sleep_start_epoch).toBe(Date.parse("2024-03-11T06:00:00Z") / 1000);
    expect(values.sleep_end_epoch).toBe(Date.parse("2024-03-11T13:30:00Z") / 1000);
    expect(values.nap_seconds).toBe(40 * 60);
  });

  it("recognises one WHOOP night arriving from the API (webhook path) and from the CSV export", async () => {
    await ingestRecords(testDb.db, {
      userId,
      source: "whoop",
      timeZone: "America/New_York",
      records: [{ recordId: whoopSleep.id, recordType: "sleep", payload: whoopSleep }],
      normalize: (record) => normalizeWhoop(record.payload, record.recordType),
    });
    const asleep = (14_400 + 5_400 + 6_000) as number;
    expect((await day("2024-03-10"))?.values.sleep_asleep_seconds).toBe(asleep);

    const csv = [
      "Cycle start time,Cycle end time,Cycle timezone,Recovery score %,Resting heart rate (bpm),Heart rate variability (ms),Skin temp (celsius),Blood oxygen %,Day Strain,Energy burned (cal),Max HR (bpm),Average HR (bpm),Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %",
      "2024-03-09 22:25:00,2024-03-10 22:40:00,UTC-05:00,67,52,61.3,33.6,95.5,12.4,2450,171,68,2024-03-09 22:25:00,2024-03-10 06:05:00,88,15.2,430,460,240,90,100,30,480,30,93,75",
    ].join("\n");
    expect(await importFile(csv, "physiological_cycles.csv")).toMatchObject({ status: "succeeded", errorCount: 0 });

    const stored = await testDb.db.select().from(sleepSessions).where(eq(sleepSessions.userId, userId));
    expect(stored).toHaveLength(2);
    const values = (await day("2024-03-10"))?.values ?? {};
    expect(values.sleep_asleep_seconds).toBe(asleep);
    expect(values.sleep_deep_seconds).toBe(5_400);
    expect(values.sleep_in_bed_seconds).toBe(27_600);
  });
});

describe("oneSessionPerNight", () => {
  const session = (id: string, start: string, end: string, extra: Partial<{ isNap: boolean; asleepSeconds: number; deepSeconds: number }> = {}) => ({
    sourceRecordId: id,
    startAt: new Date(start),
    endAt: new Date(end),
    isNap: extra.isNap ?? false,
    asleepSeconds: extra.asleepSeconds ?? null,
    lightSeconds: null,
    deepSeconds: extra.deepSeconds ?? null,
    remSeconds: null,
  });

  it("prefers a staged session, then the longest asleep, whatever the order; keeps split sleep and naps apart", () => {
    const staged = session("watch", "2024-03-11T06:00:00Z", "2024-03-11T13:30:00Z", { asleepSeconds: 25_000, deepSeconds: 3_600 });
    const longer = session("pillow", "2024-03-11T05:30:00Z", "2024-03-11T13:45:00Z", { asleepSeconds: 28_000 });
    const shorter = session("autosleep", "2024-03-11T06:10:00Z", "2024-03-11T13:00:00Z", { asleepSeconds: 24_000 });
    const later = session("second-half", "2024-03-11T16:00:00Z", "2024-03-11T19:00:00Z", { asleepSeconds: 10_000 });
    const nap = session("nap", "2024-03-11T21:00:00Z", "2024-03-11T21:40:00Z", { isNap: true, asleepSeconds: 2_400 });
    for (const order of [
      [staged, longer, shorter, later, nap],
      [nap, later, shorter, longer, staged],
    ]) {
      const { main, naps } = oneSessionPerNight(order);
      expect(main.map((s) => s.sourceRecordId)).toEqual(["watch", "second-half"]);
      expect(naps.map((s) => s.sourceRecordId)).toEqual(["nap"]);
    }
    expect(oneSessionPerNight([longer, shorter]).main.map((s) => s.sourceRecordId)).toEqual(["pillow"]);
  });
});
