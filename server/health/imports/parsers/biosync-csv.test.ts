import { describe, expect, it } from "vitest";
import { float4Text, isoAtOffset, offsetSuffix, parseIsoAtOffset } from "../../exports/csv-format";
import { parseBiosyncCsv } from "./biosync-csv";
import { collectRun } from "./collect";

const bytes = (text: string) =>
  (async function* () {
    yield Buffer.from(text);
  })();

describe("BioSync CSV import", () => {
  it("keeps the good rows and reports each bad one with its line", async () => {
    const file = [
      "metric,unit,start,end,value,source,device",
      "heart_rate,/min,2026-06-10T08:00:00+02:00,2026-06-10T08:00:00+02:00,61,demo,Demo Band", // 2
      "pulse,/min,2026-06-10T08:01:00+02:00,2026-06-10T08:01:00+02:00,62,demo,", // 3
      "heart_rate,bpm,2026-06-10T08:02:00+02:00,2026-06-10T08:02:00+02:00,63,demo,", // 4
      "heart_rate,/min,2026-06-10 08:03,2026-06-10T08:03:00+02:00,64,demo,", // 5
      "hrv_rmssd,ms,2026-06-10T04:00:00-05:00,2026-06-10T03:59:00-05:00,40,whoop,", // 6
      "heart_rate,/min,2026-06-10T08:05:00+02:00,2026-06-10T08:05:00+02:00,sixty,demo,", // 7
      "heart_rate,/min,2026-06-10T08:06:00+02:00,2026-06-10T08:06:00+02:00,66,garmn,", // 8
      "heart_rate,/min,2026-06-10T08:07:00+02:00", // 9: too few columns
      "steps,count,2026-06-10T10:00:00.250Z,2026-06-10T10:15:00.250Z,1234,fitbit,", // 10
      "heart_rate,/min,2026-02-30T08:00:00+02:00,2026-02-30T08:00:00+02:00,61,demo,", // 11
    ].join("\n");
    const run = parseBiosyncCsv(bytes(file));
    const items = await collectRun(run);
    const errors = run.errors();
    expect(items.samples.map((s) => [s.metric, s.start.toISOString(), s.end.toISOString(), s.value, s.source, s.device, s.utcOffsetMinutes])).toEqual([
      ["heart_rate", "2026-06-10T06:00:00.000Z", "2026-06-10T06:00:00.000Z", 61, "demo", "Demo Band", 120],
      ["steps", "2026-06-10T10:00:00.250Z", "2026-06-10T10:15:00.250Z", 1234, "fitbit", null, 0],
    ]);
    expect(errors.map((e) => [e.line, e.recordType])).toEqual([
      [3, "metric"],
      [4, "unit"],
      [5, "start"],
      [6, "end"],
      [7, "value"],
      [8, "source"],
      [9, "row"],
      [11, "start"],
    ]);
    expect(errors[1]!.message).toBe('heart_rate is given in /min, not "bpm"');
  });

  it("refuses a file without our header", async () => {
    await expect(collectRun(parseBiosyncCsv(bytes("metric,start,value\nheart_rate,2026-06-10T08:00:00Z,61\n")))).rejects.toThrow("missing columns unit, end, source");
  });
});

describe("CSV format", () => {
  it("writes float4 values in their shortest form and reads its times back", () => {
    expect([72.3, 61.25, 0.97, 1e-7, 123456.7, 55].map((v) => float4Text(Math.fround(v)))).toEqual(["72.3", "61.25", "0.97", "1e-7", "123456.7", "55"]);
    const ms = Date.UTC(2026, 2, 29, 0, 59, 59, 7);
    for (const offset of [120, -330, 0, 840]) {
      const text = isoAtOffset(ms, offset, offsetSuffix(offset));
      expect(parseIsoAtOffset(text)).toEqual({ ms, offsetMinutes: offset });
      expect(new Date(text).getTime()).toBe(ms);
    }
    expect(isoAtOffset(ms, -330, offsetSuffix(-330))).toBe("2026-03-28T19:29:59.007-05:30");
  });
});
