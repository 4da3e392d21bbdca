import { describe, expect, it } from "vitest";
import { PLANS } from "@/server/account/plans/catalog";
import { featuresOf, priceOf } from "./plan-features";

describe("the plan page's feature list", () => {
  it("says what free lacks and what pro adds, from the catalog", () => {
    expect(featuresOf(PLANS.free)).toEqual([
      { label: "The last 90 days of history", included: true },
      { label: "AI summaries of your recommendations", included: false },
      { label: "3 exports a day", included: true },
      { label: "5 manual syncs a day", included: true },
      { label: "Organization with coaches and a team dashboard", included: false },
    ]);
    expect(featuresOf(PLANS.pro).map((f) => f.included)).toEqual([true, true, true, true, false]);
    expect(featuresOf(PLANS.pro)[0]!.label).toBe("All of your history");
    expect(featuresOf({ ...PLANS.team, entitlements: { ...PLANS.team.entitlements, perDay: { exports: null, "manual-syncs": 100 } } })[2]!.label).toBe("Unlimited exports");
  });

  it("prices in dollars a month", () => {
    expect(priceOf(PLANS.free)).toBe("Free");
    expect(priceOf(PLANS.pro)).toBe("$9 / month");
    expect(priceOf({ monthlyPriceCents: 2417 })).toBe("$24.17 / month");
  });
});
