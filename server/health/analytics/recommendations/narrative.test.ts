import { describe, expect, it } from "vitest";
import { sanitizeFacts } from "../../../ai/sanitize";
import { evaluateRecommendations } from "./evaluate";
import { NARRATIVE_FACT_FIELDS, narrativeFacts, narrativeSchema } from "./narrative";
import { contributor, correlation, input, loadDays, risk, scoredDay } from "./testing/fixtures";

describe("the narrative's facts", () => {
  it("pass the gateway's sanitizer whole: every field allowed, every string a label", () => {
    const day = input({
      score: scoredDay({ contributors: [contributor("sleep_regularity", { z: -1.24, points: -2.16 }), contributor("hrv", { z: null })] }),
      risks: [risk("sleep_debt", "high", [40_000]), risk("temperature_deviation", "low", [0.6])],
      correlations: [correlation({ x: "steps_10k", y: "sleep_efficiency", kind: "binary", effect: 0.05 })],
      days: loadDays(1000, 1800),
    });
    const facts = narrativeFacts(day, evaluateRecommendations(day));
    const { facts: sent, removed } = sanitizeFacts(facts, { allow: NARRATIVE_FACT_FIELDS, secrets: [] });
    expect(removed).toEqual([]);
    expect(sent).toEqual(facts);
    expect(facts.contributors).toEqual([{ key: "sleep_regularity", z: -1.2, points: -2.2 }]);
    expect((facts.items as { id: string; basis: string[] }[]).find((i) => i.id === "act_on_correlation")!.basis).toEqual(["correlation: steps_10k / sleep_efficiency / 0"]);
  });
});

describe("narrativeSchema", () => {
  const schema = narrativeSchema(["rest_day", "ease_off"]);

  it("takes one narrative of at most 600 characters per asked id", () => {
    expect(schema.safeParse({ items: [{ id: "rest_day", narrative: "Rest." }] }).success).toBe(true);
    expect(schema.safeParse({ items: [{ id: "rest_day", narrative: "x".repeat(600) }, { id: "ease_off", narrative: "Ease off." }] }).success).toBe(true);
  });

  it("refuses unknown ids, repeated ids, empty or long text, and an empty list", () => {
    expect(schema.safeParse({ items: [{ id: "other", narrative: "x" }] }).success).toBe(false);
    expect(schema.safeParse({ items: [{ id: "rest_day", narrative: "a" }, { id: "rest_day", narrative: "b" }] }).success).toBe(false);
    expect(schema.safeParse({ items: [{ id: "rest_day", narrative: "  " }] }).success).toBe(false);
    expect(schema.safeParse({ items: [{ id: "rest_day", narrative: "x".repeat(601) }] }).success).toBe(false);
    expect(schema.safeParse({ items: [] }).success).toBe(false);
    expect(schema.safeParse({ narrative: "x" }).success).toBe(false);
  });
});
