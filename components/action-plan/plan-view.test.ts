import { describe, expect, it } from "vitest";
import { planOf, recommendationOf } from "./plan-view";

const row = (id: string, localDate: string, priority: number, status: string) => ({
  id,
  user_id: "u",
  rule_id: `rule-${id}`,
  local_date: localDate,
  title: `Title ${id}`,
  body: "Body",
  expected_impact: { metric: "energy", delta: 3, text: "+3 points" },
  priority,
  basis: [{ kind: "risk", ref: "rhr" }],
  narrative: null,
  status,
  status_changed_at: status === "open" ? null : "2026-12-01T08:00:00+00:00",
});

describe("the action plan from the synced rows", () => {
  it("reads a row as the card's view", () => {
    expect(recommendationOf(row("a", "2026-12-01", 2, "done"))).toEqual({
      id: "a",
      localDate: "2026-12-01",
      title: "Title a",
      body: "Body",
      narrative: null,
      expectedImpact: { metric: "energy", delta: 3, text: "+3 points" },
      priority: 2,
      basis: [{ kind: "risk", ref: "rhr" }],
      status: "done",
      statusChangedAt: new Date("2026-12-01T08:00:00Z"),
    });
  });

  it("lists each status newest day first, by priority, and counts them", () => {
    const plan = planOf([row("a", "2026-11-30", 1, "open"), row("b", "2026-12-01", 3, "open"), row("c", "2026-12-01", 1, "open"), row("d", "2026-12-01", 1, "dismissed")]);
    expect(plan.lists.open.map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(plan.lists.dismissed.map((r) => r.id)).toEqual(["d"]);
    expect(plan.counts).toEqual({ open: 3, done: 0, dismissed: 1 });
  });
});
