import { describe, expect, it } from "vitest";
import { DEFAULT_SCORE_WEIGHTS } from "@/server/health/analytics/energy-score/weights";
import { applyDraft, sameDraft, sharesOf, withWeight } from "./weight-draft";

const inherited = { ...DEFAULT_SCORE_WEIGHTS };

describe("weight drafts", () => {
  it("keep an override only where it differs from what is inherited", () => {
    let draft = withWeight({}, inherited, "hrv", 25);
    expect(draft).toEqual({ hrv: 25 });
    draft = withWeight(draft, inherited, "hrv", 20);
    expect(draft).toEqual({});
    expect(applyDraft(inherited, { temperature: 0 })).toEqual({ ...inherited, temperature: 0 });
    expect(sameDraft({ hrv: 1 }, { hrv: 1 })).toBe(true);
    expect(sameDraft({ hrv: 1 }, {})).toBe(false);
  });

  it("show each share of a full day, the journal apart", () => {
    // Non-journal total 20 + 15 + 15 + 10 + 10 + 10 + 8 + 5 = 93: HRV 20 / 93 = 21.5% → 22; breathing 5 / 93 = 5.4% → 5.
    const shares = sharesOf(inherited);
    expect(shares.hrv).toBe(22);
    expect(shares.respiratory_rate).toBe(5);
    expect(shares.journal_mood).toBe(0);
  });
});
