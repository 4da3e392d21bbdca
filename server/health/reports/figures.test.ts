import { describe, expect, it } from "vitest";
import { computeWeekFigures } from "./figures";
import { lateDataNote } from "./late-note";
import { FIXTURE_SCORES, FIXTURE_SUMMARIES, FIXTURE_WEEK } from "./testing/fixture-week";

const figures = (summaries = FIXTURE_SUMMARIES, scores = FIXTURE_SCORES) =>
  computeWeekFigures({ weekStart: FIXTURE_WEEK.weekStart, summaries, scores, correlation: null });

describe("computeWeekFigures on the fixture week, worked out by hand", () => {
  it("averages each metric over the days that have it, with the change from the week before", () => {
    const f = figures();
    expect(f).toMatchObject({ week: "2026-W48", weekStart: "2026-11-23", weekEnd: "2026-11-29", hrvMeasure: "hrv_rmssd" });
    // Scores 70, 82, 65, 82, 60 (Friday is calibrating, Sunday has none; Monday 30 is next week) = 359 / 5 = 71.8;
    // the week before 68, 70, 72 = 70.0; change +1.8.
    expect(f.averages.energyScore).toEqual({ value: 71.8, days: 5, previous: 70, change: 1.8 });
    // Asleep 7 h, 7 h 30, 6 h, 8 h, 6 h 30 = 126,000 s / 5 = 25,200 s (7 h); the week before 7 h and 7 h: no change.
    expect(f.averages.sleepSeconds).toEqual({ value: 25_200, days: 5, previous: 25_200, change: 0 });
    // rMSSD 50, 60, 45, 55, 52 = 262 / 5 = 52.4 ms (Monday's SDNN is not mixed in); the week before 50, 54 = 52.0; +0.4.
    expect(f.averages.hrv).toEqual({ value: 52.4, days: 5, previous: 52, change: 0.4 });
    // Readiness 80, recovery 75 (no readiness that day), readiness 70 (over recovery 99), 68 = 293 / 4 = 73.25 → 73.3;
    // the week before 70; +3.3.
    expect(f.averages.readiness).toEqual({ value: 73.3, days: 4, previous: 70, change: 3.3 });
  });

  it("picks the best and worst day by score, a tie going to the earlier day", () => {
    const f = figures();
    // Tuesday and Thursday both scored 82: Tuesday, the earlier, is the best day.
    expect(f.bestDay).toEqual({ date: "2026-11-24", score: 82 });
    expect(f.worstDay).toEqual({ date: "2026-11-28", score: 60 });
    // With 60 also on Wednesday instead of 65, Wednesday is the worst (earlier than Saturday).
    const tied = figures(FIXTURE_SUMMARIES, FIXTURE_SCORES.map((s) => (s.date === "2026-11-25" ? { ...s, score: 60 } : s)));
    expect(tied.worstDay).toEqual({ date: "2026-11-25", score: 60 });
  });

  it("gives the seven days for the chart, empty days included", () => {
    const f = figures();
    expect(f.days.map((d) => d.date)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    expect(f.days[1]).toEqual({ date: "2026-11-24", score: 82, sleepSeconds: 27_000, hrv: 60, readiness: 75 });
    expect(f.days[4]).toEqual({ date: "2026-11-27", score: null, sleepSeconds: null, hrv: null, readiness: null });
    expect(f.days[6]).toEqual({ date: "2026-11-29", score: null, sleepSeconds: null, hrv: null, readiness: null });
  });

  it("uses SDNN only for a week without rMSSD, against the week before's SDNN; no best or worst day under two scored days", () => {
    const sdnnOnly = [
      { date: "2026-11-17", values: { hrv_sdnn: 30 } },
      { date: "2026-11-24", values: { hrv_sdnn: 36 } },
      { date: "2026-11-25", values: { hrv_sdnn: 41 } },
    ];
    const f = figures(sdnnOnly, [{ date: "2026-11-24", state: "scored", score: 75 }]);
    expect(f.hrvMeasure).toBe("hrv_sdnn");
    // (36 + 41) / 2 = 38.5 against 30: +8.5.
    expect(f.averages.hrv).toEqual({ value: 38.5, days: 2, previous: 30, change: 8.5 });
    expect(f.averages.energyScore).toEqual({ value: 75, days: 1, previous: null, change: null });
    expect([f.bestDay, f.worstDay]).toEqual([null, null]);
  });
});

describe("lateDataNote", () => {
  it("names what later data would change, and nothing when it changes nothing", () => {
    const stored = figures();
    expect(lateDataNote(stored, figures())).toBeNull();
    // Sunday's HRV arrives (58.6): (262 + 58.6) / 6 = 53.43 → 53.4; and a score of 90 on Sunday: (359 + 90) / 6 = 74.8, best day Sunday.
    const later = figures(
      [...FIXTURE_SUMMARIES, { date: "2026-11-29", values: { hrv_rmssd: 58.6 } }],
      [...FIXTURE_SCORES, { date: "2026-11-29", state: "scored", score: 90 }],
    );
    expect(lateDataNote(stored, later)).toBe(
      "Data that arrived after this report was made would change the average energy score (71.8 → 74.8), the average HRV (rMSSD) (52.4 ms → 53.4 ms) and the best day (Tue 24 Nov, 82 → Sun 29 Nov, 90).",
    );
  });

  it("mentions a changed week before as the change, and daily values alone as the chart", () => {
    const stored = figures();
    const earlier = figures([...FIXTURE_SUMMARIES, { date: "2026-11-20", values: { hrv_rmssd: 46 } }]);
    // The week before: (50 + 54 + 46) / 3 = 50.0, so the change is 52.4 − 50 = +2.4.
    expect(lateDataNote(stored, earlier)).toBe("Data that arrived after this report was made would change how the HRV (rMSSD) compares with the week before (+0.4 ms → +2.4 ms).");
    const steps = figures(FIXTURE_SUMMARIES.map((s) => (s.date === "2026-11-27" ? { ...s, values: { ...s.values, readiness: 73.3 } } : s)));
    // Readiness (80 + 75 + 70 + 73.3 + 68) / 5 = 73.26 → 73.3: the average stays, Friday's value is new.
    expect(lateDataNote(stored, steps)).toBe("Data that arrived after this report was made would change the daily values in the chart.");
  });
});
