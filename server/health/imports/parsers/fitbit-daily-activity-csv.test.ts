import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { KCAL_TO_KJ } from "../../types";
import { collectRun } from "./collect";
import { fitbitActivityDate, listFitbitAccounts, parseFitbitDailyActivityCsv } from "./fitbit-daily-activity-csv";

const SAMPLE = path.resolve(process.cwd(), "../shared/data/samples/fitbit-dailyActivity-merged.csv");
const HEADER =
  "Id,ActivityDate,TotalSteps,TotalDistance,TrackerDistance,LoggedActivitiesDistance,VeryActiveDistance,ModeratelyActiveDistance,LightActiveDistance,SedentaryActiveDistance,VeryActiveMinutes,FairlyActiveMinutes,LightlyActiveMinutes,SedentaryMinutes,Calories";

async function* text(content: string): AsyncGenerator<Buffer> {
  yield Buffer.from(content);
}

describe("Fitbit dailyActivity_merged.csv", () => {
  it("imports the real file: 940 rows for 33 people, days without activity skipped", async () => {
    const run = parseFitbitDailyActivityCsv(createReadStream(SAMPLE), { totalBytes: statSync(SAMPLE).size });
    const result = await collectRun(run);

    // awk: 940 data rows; 76 have no steps and no very/fairly/lightly active minutes (tracker not worn).
    expect(result.dailyTotals).toHaveLength((940 - 76) * 4);
    expect(run.skipped()).toEqual({ "day without activity": 76 });
    expect(run.errors()).toEqual([]);
    expect(run.progress()).toMatchObject({ bytesRead: statSync(SAMPLE).size, items: 864 * 4, skipped: 76, errorCount: 0 });
    expect(new Set(result.accountIds).size).toBe(33);

    const steps = result.dailyTotals.filter((t) => t.metric === "steps");
    expect(steps.reduce((sum, t) => sum + t.value, 0)).toBe(7_179_636);

    const day = Object.fromEntries(
      result.dailyTotals.filter((t) => t.sourceRecordId.startsWith("fitbit:csv:1503960366:2016-04-12:")).map((t) => [t.metric, t.value]),
    );
    expect(day.steps).toBe(13_162);
    expect(day.distance).toBeCloseTo(8500, 6);
    expect(day.active_duration).toBe((25 + 13) * 60);
    expect(day.total_energy).toBeCloseTo(1985 * KCAL_TO_KJ, 6);
    expect(result.dailyTotals[0]).toMatchObject({ source: "fitbit", localDate: "2016-04-12", utcOffsetMinutes: null });
  });

  it("tags every batch with one person's Id and imports only the chosen Ids", async () => {
    const run = parseFitbitDailyActivityCsv(createReadStream(SAMPLE), { accountIds: ["1503960366", "8877689391"] });
    const batches = [];
    for await (const batch of run.batches) batches.push(batch);
    expect(batches.map((b) => b.accountId)).toEqual(["1503960366", "8877689391"]);
    for (const batch of batches) expect(batch.dailyTotals.every((t) => t.sourceRecordId.startsWith(`fitbit:csv:${batch.accountId}:`))).toBe(true);
    // 31 rows each; 1503960366 has one day without activity.
    expect(batches.map((b) => b.dailyTotals.length)).toEqual([30 * 4, 31 * 4]);
    const may1 = batches[1]?.dailyTotals.filter((t) => t.localDate === "2016-05-01");
    expect(may1?.map((t) => [t.metric, t.value])).toEqual([
      ["steps", 10_930],
      ["distance", 8319.99969482422],
      ["active_duration", 48 * 60],
      ["total_energy", 2786 * KCAL_TO_KJ],
    ]);
    expect(run.skipped()["other account"]).toBe(940 - 62);
  });

  it("lists the people in the file with their date ranges", async () => {
    const accounts = await listFitbitAccounts(createReadStream(SAMPLE));
    expect(accounts).toHaveLength(33);
    expect(accounts.reduce((sum, a) => sum + a.days, 0)).toBe(940);
    expect(accounts.find((a) => a.accountId === "4057192912")).toEqual({ accountId: "4057192912", days: 4, firstDate: "2016-04-12", lastDate: "2016-04-15" });
  });

  it("reports bad rows with their line and imports the others", async () => {
    const csv = [
      HEADER,
      "1,4/12/2016,1000,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      "1,13/45/2016,1000,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      ",4/14/2016,1000,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      "1,4/15/2016,lots,0.7,0.7,0,0,0,0.7,0,0,5,60,1300,1800",
      "1,4/16/2016,1000,0.7",
      "1,4/17/2016,2000,1.4,1.4,0,0,0,1.4,0,10,5,60,1300,1900",
    ].join("\r\n");
    const run = parseFitbitDailyActivityCsv(text(csv));
    const result = await collectRun(run);
    expect(run.errors()).toEqual([
      { line: 3, recordType: "ActivityDate", message: 'invalid date "13/45/2016" (expected M/D/YYYY)' },
      { line: 4, recordType: "Id", message: "row without an Id" },
      { line: 5, recordType: "TotalSteps", message: '2016-04-15 for 1: "lots" is not a non-negative number' },
      { line: 6, recordType: "row", message: expect.stringContaining("Invalid Record Length") },
    ]);
    // The row with unreadable steps keeps its other values.
    expect(result.dailyTotals.map((t) => `${t.localDate}:${t.metric}`)).toEqual([
      "2016-04-12:steps",
      "2016-04-12:distance",
      "2016-04-12:active_duration",
      "2016-04-12:total_energy",
      "2016-04-15:distance",
      "2016-04-15:active_duration",
      "2016-04-15:total_energy",
      "2016-04-17:steps",
      "2016-04-17:distance",
      "2016-04-17:active_duration",
      "2016-04-17:total_energy",
    ]);
  });

  it("rejects a CSV with other columns", async () => {
    const failure = await collectRun(parseFitbitDailyActivityCsv(text("Date,Steps\n2024-01-01,100\n"))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/missing columns Id, ActivityDate/);
  });

  it("reads M/D/YYYY dates strictly", () => {
    expect(fitbitActivityDate("4/12/2016")).toBe("2016-04-12");
    expect(fitbitActivityDate("12/31/2016")).toBe("2016-12-31");
    expect(fitbitActivityDate("2/30/2016")).toBeNull();
    expect(fitbitActivityDate("2016-04-12")).toBeNull();
  });
});
