import { describe, expect, it } from "vitest";
import { rankingFrom } from "../../timeseries/priority";
import { clockMinutes, nightsFrom, type NightSession } from "./nights";

const rank = rankingFrom(new Map());

/** A night on the Berlin summer clock (+02:00): `bed`/`wake` are local times, the wake-up day is `date`. */
function session(date: string, bed: string, wake: string, over: Partial<NightSession> = {}): NightSession {
  const previous = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const startAt = new Date(`${bed >= "12:00" ? previous : date}T${bed}:00+02:00`);
  const endAt = new Date(`${date}T${wake}:00+02:00`);
  return {
    sourceRecordId: `${date}-${bed}`,
    source: "demo",
    localDate: date,
    startAt,
    endAt,
    isNap: false,
    utcOffsetMinutes: 120,
    inBedSeconds: (endAt.getTime() - startAt.getTime()) / 1000,
    asleepSeconds: null,
    awakeSeconds: 1800,
    lightSeconds: 14_400,
    deepSeconds: 5400,
    remSeconds: 5400,
    latencySeconds: 600,
    efficiency: null,
    stages: [{ stage: "light", start: startAt.toISOString(), end: endAt.toISOString() }],
    ...over,
  };
}

describe("nights", () => {
  it("reads the local clock from noon to noon", () => {
    expect(clockMinutes(new Date("2026-06-02T01:00:00Z"), 120)).toBe(180); // 03:00
    expect(clockMinutes(new Date("2026-06-01T21:30:00Z"), 120)).toBe(-30); // 23:30
    expect(clockMinutes(new Date("2026-06-01T10:00:00Z"), 120)).toBe(-720); // 12:00
  });

  it("takes one night per wake-up day from the best source, naps and duplicates left out", () => {
    const night = session("2026-06-02", "23:00", "07:00");
    const nights = nightsFrom(
      [
        night,
        // The same night from a lower-priority app with no stages: not counted again.
        session("2026-06-02", "23:10", "06:50", { sourceRecordId: "copy", lightSeconds: null, deepSeconds: null, remSeconds: null, asleepSeconds: 25_000 }),
        session("2026-06-02", "14:00", "14:30", { isNap: true, sourceRecordId: "nap" }),
        session("2026-06-03", "23:30", "06:30", { source: "apple_health" }),
        session("2026-06-03", "23:45", "06:15", { source: "oura", sourceRecordId: "oura" }),
      ],
      { rank, timeZone: "Europe/Berlin", debtByDate: new Map([["2026-06-02", 3600]]) },
    );
    expect(nights.map((n) => [n.date, n.source])).toEqual([
      ["2026-06-02", "demo"],
      ["2026-06-03", "oura"], // oura ranks before apple_health by default
    ]);
    const first = nights[0]!;
    // 23:00–07:00 is 8 h in bed; asleep from the stages: 14,400 + 5,400 + 5,400 = 25,200 s = 7 h;
    // efficiency 25,200 / 28,800 = 0.875; midpoint 03:00 = 180 minutes.
    expect(first).toMatchObject({ inBedSeconds: 28_800, asleepSeconds: 25_200, efficiency: 0.875, midpointMinutes: 180, latencySeconds: 600, debtSeconds: 3600 });
    expect(first.stages).toHaveLength(1);
    // Too few nights for a regularity figure yet.
    expect(first.regularityMinutes).toBeNull();
  });

  it("regularity is the SD of the midpoints of the nights in the 14 days ending on each night", () => {
    // Midpoints 03:00, 03:20, 02:40, 03:10, 02:50 → 180, 200, 160, 190, 170 minutes; mean 180;
    // squared deviations 0 + 400 + 400 + 100 + 100 = 1000; 1000 / (5 − 1) = 250; √250 = 15.81 → 15.8.
    const nights = nightsFrom(
      [
        session("2026-06-01", "23:00", "07:00"),
        session("2026-06-02", "23:20", "07:20"),
        session("2026-06-03", "22:40", "06:40"),
        session("2026-06-04", "23:10", "07:10"),
        session("2026-06-05", "22:50", "06:50"),
        // 14 days after the first: the first night has left the window. 180 → 200, 160, 190, 170, 180:
        // mean 180, squares 400 + 400 + 100 + 100 + 0 = 1000, / 4 = 250 → 15.8 again.
        session("2026-06-15", "23:00", "07:00"),
      ],
      { rank, timeZone: "Europe/Berlin", debtByDate: new Map() },
    );
    expect(nights.map((n) => n.regularityMinutes)).toEqual([null, null, null, null, 15.8, 15.8]);
  });

  it("uses the provider's efficiency and the user's zone when the record has no offset", () => {
    const [night] = nightsFrom([session("2026-01-10", "23:00", "07:00", { efficiency: 0.91, utcOffsetMinutes: null })], {
      rank,
      timeZone: "Europe/Berlin",
      debtByDate: new Map(),
    });
    // The fixture's clock is +02:00, Berlin in January is +01:00: 03:00+02:00 reads 02:00 there.
    expect(night).toMatchObject({ efficiency: 0.91, utcOffsetMinutes: 60, midpointMinutes: 120 });
  });
});
