import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { KCAL_TO_KJ } from "../../types";
import { collectRun } from "./collect";
import { parseWhoopCyclesCsv, whoopWallClock, whoopZoneOffsetMinutes } from "./whoop-cycles-csv";

const HEADER = [
  "Cycle start time",
  "Cycle end time",
  "Cycle timezone",
  "Recovery score %",
  "Resting heart rate (bpm)",
  "Heart rate variability (ms)",
  "Skin temp (celsius)",
  "Blood oxygen %",
  "Day Strain",
  "Energy burned (cal)",
  "Max HR (bpm)",
  "Average HR (bpm)",
  "Sleep onset",
  "Wake onset",
  "Sleep performance %",
  "Respiratory rate (rpm)",
  "Asleep duration (min)",
  "In bed duration (min)",
  "Light sleep duration (min)",
  "Deep (SWS) duration (min)",
  "REM duration (min)",
  "Awake duration (min)",
  "Sleep need (min)",
  "Sleep debt (min)",
  "Sleep efficiency %",
  "Sleep consistency %",
].join(",");

const ROWS = [
  // New York in winter: the night 23:10 → 06:58 local is 04:10Z → 11:58Z.
  "2024-03-09 23:10:00,2024-03-10 22:45:00,UTC-05:00,67,52,61.3,33.6,95.5,12.4,2450,171,68,2024-03-09 23:10:00,2024-03-10 06:58:00,88,15.2,421,468,212,98,111,47,480,30,90,75",
  // Tokyo: waking at 07:00 local on the 13th is still the 12th in UTC; the day is the local wake date.
  "2024-03-12 23:30:00,2024-03-13 23:05:00,UTC+09:00,81,49,72,33.9,97,8.1,2100,150,64,2024-03-12 23:30:00,2024-03-13 07:00:00,92,14.8,390,420,200,90,100,30,450,0,93,80",
  // The cycle still running when the export was taken: no end, no sleep or recovery yet.
  "2024-03-13 23:05:00,,UTC+09:00,,,,,,3.2,640,,,,,,,,,,,,,,,,",
  "2024-03-14 23:00:00,2024-03-15 22:00:00,Mars/Olympus,50,55,40,33,96,10,2000,160,70,2024-03-14 23:00:00,2024-03-15 07:00:00,80,15,400,430,200,100,100,30,460,10,93,70",
  "2024-03-15 22:00:00,2024-03-16 22:30:00,UTC+09:00,70,50,65,34,96,high,2200,160,70,2024-03-15 22:00:00,2024-03-16 06:00:00,85,15,420,480,200,110,110,60,470,20,88,75",
];

async function* text(content: string): AsyncGenerator<Buffer> {
  yield Buffer.from(content);
}

const csv = [HEADER, ...ROWS].join("\n");

describe("WHOOP physiological_cycles.csv", () => {
  it("converts each row's own time zone to UTC and dates it on the local wake-up day", async () => {
    const run = parseWhoopCyclesCsv(text(csv));
    const result = await collectRun(run);

    expect(result.sleepSessions).toHaveLength(3);
    const [ny, tokyo, later] = result.sleepSessions;
    expect(ny?.start.toISOString()).toBe("2024-03-10T04:10:00.000Z");
    expect(ny?.end.toISOString()).toBe("2024-03-10T11:58:00.000Z");
    expect(ny).toMatchObject({
      source: "whoop",
      utcOffsetMinutes: -300,
      isNap: false,
      stages: [],
      totals: { asleepSeconds: 421 * 60, inBedSeconds: 468 * 60, lightSeconds: 212 * 60, deepSeconds: 98 * 60, remSeconds: 111 * 60, awakeSeconds: 47 * 60 },
      efficiency: 0.9,
    });
    expect(tokyo?.start.toISOString()).toBe("2024-03-12T14:30:00.000Z");
    expect(tokyo?.end.toISOString()).toBe("2024-03-12T22:00:00.000Z");
    expect(tokyo?.utcOffsetMinutes).toBe(540);
    expect(later?.utcOffsetMinutes).toBe(540);

    const daily = (date: string) =>
      Object.fromEntries(result.dailyTotals.filter((t) => t.localDate === date).map((t) => [t.metric, t.value]));
    expect(daily("2024-03-10")).toEqual({ recovery: 67, sleep_score: 88, strain: 12.4, total_energy: 2450 * KCAL_TO_KJ });
    expect(daily("2024-03-13")).toEqual({ recovery: 81, sleep_score: 92, strain: 8.1, total_energy: 2100 * KCAL_TO_KJ });
    // The running cycle (from 23:05 on the 13th) has no wake-up yet: it counts toward the next local day.
    expect(daily("2024-03-14")).toEqual({ strain: 3.2, total_energy: 640 * KCAL_TO_KJ });

    const night = Object.fromEntries(
      result.samples.filter((s) => s.end.toISOString() === "2024-03-10T11:58:00.000Z").map((s) => [s.metric, s.value]),
    );
    expect(night).toEqual({ resting_heart_rate: 52, hrv_rmssd: 61.3, skin_temperature: 33.6, spo2: 0.955, respiratory_rate: 15.2 });
    expect(result.samples.every((s) => s.metric !== "hrv_sdnn")).toBe(true);
  });

  it("files each night's resting HR, HRV, SpO2, skin temperature and breathing on its wake-up day, like its sleep and recovery", async () => {
    const result = await collectRun(parseWhoopCyclesCsv(text(csv)));
    const dayOf = (s: { start: Date; utcOffsetMinutes?: number | null }) => dateAtOffset(s.start, s.utcOffsetMinutes ?? 0);
    const byDay = (date: string) => Object.fromEntries(result.samples.filter((s) => dayOf(s) === date).map((s) => [s.metric, s.value]));
    // The night 23:10 on the 9th → 06:58 on the 10th (New York): everything on the 10th, nothing on the 9th.
    expect(byDay("2024-03-09")).toEqual({});
    expect(byDay("2024-03-10")).toEqual({ resting_heart_rate: 52, hrv_rmssd: 61.3, skin_temperature: 33.6, spo2: 0.955, respiratory_rate: 15.2 });
    expect(byDay("2024-03-13")).toMatchObject({ resting_heart_rate: 49, hrv_rmssd: 72 });
    const wakeDays = new Set(result.sleepSessions.map((s) => dateAtOffset(s.end, s.utcOffsetMinutes ?? 0)));
    const recoveryDays = new Set(result.dailyTotals.filter((t) => t.metric === "recovery").map((t) => t.localDate));
    for (const sample of result.samples) {
      expect(wakeDays.has(dayOf(sample))).toBe(true);
      expect(recoveryDays.has(dayOf(sample))).toBe(true);
    }
  });

  it("reports a bad time zone as a row error and a bad number as a field error, importing the rest", async () => {
    const run = parseWhoopCyclesCsv(text(csv));
    const result = await collectRun(run);
    expect(run.errors()).toEqual([
      { line: 5, recordType: "Cycle timezone", message: 'unreadable time zone "Mars/Olympus"' },
      { line: 6, recordType: "Day Strain", message: '"high" is not a number' },
    ]);
    const lastDay = result.dailyTotals.filter((t) => t.localDate === "2024-03-16").map((t) => t.metric);
    expect(lastDay).toEqual(["recovery", "sleep_score", "total_energy"]);
  });

  it("gives the same ids on every import", async () => {
    const ids = async () => {
      const r = await collectRun(parseWhoopCyclesCsv(text(csv)));
      return [...r.samples, ...r.dailyTotals, ...r.sleepSessions].map((item) => item.sourceRecordId);
    };
    const first = await ids();
    expect(new Set(first).size).toBe(first.length);
    expect(await ids()).toEqual(first);
  });

  it("rejects a CSV without the cycle columns", async () => {
    const failure = await collectRun(parseWhoopCyclesCsv(text("start,end\n1,2\n"))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
  });

  it("reads WHOOP zone labels and wall-clock times", () => {
    expect(whoopZoneOffsetMinutes("UTC-05:00")).toBe(-300);
    expect(whoopZoneOffsetMinutes("UTC+05:30")).toBe(330);
    expect(whoopZoneOffsetMinutes("UTC")).toBe(0);
    expect(whoopZoneOffsetMinutes("-0400")).toBe(-240);
    expect(whoopZoneOffsetMinutes("EST")).toBeNull();
    expect(whoopWallClock("2024-03-10 06:58:00", -300)).toMatchObject({ instant: new Date("2024-03-10T11:58:00Z"), localDate: "2024-03-10" });
    expect(whoopWallClock("2024-02-30 06:58:00", 0)).toBeNull();
  });
});
