import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { providerPriorities, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { DEFAULT_PROVIDER_PRIORITY } from "../metrics";
import { getProviderPriority, PRIORITY_SOURCES, providerRanking, rankingFrom } from "./priority";

const handle = withTestDb();

async function userWithRanks(ranks: Record<string, number>) {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `p-${randomBytes(6).toString("hex")}@example.com` })
    .returning();
  const rows = Object.entries(ranks).map(([provider, rank]) => ({ userId: user!.id, provider, rank }));
  if (rows.length) await handle.db.insert(providerPriorities).values(rows);
  return user!.id;
}

describe("provider priority", () => {
  it("ranks saved sources first, then the default order, then anything else", () => {
    const rank = rankingFrom(new Map([["demo", 1], ["whoop", 2]]));
    const order = ["apple_health", "unknown-source", "whoop", "oura", "demo", "garmin"].sort((a, b) => rank(a) - rank(b));
    expect(order).toEqual(["demo", "whoop", "oura", "garmin", "apple_health", "unknown-source"]);
    const defaults = rankingFrom(new Map());
    expect([...DEFAULT_PROVIDER_PRIORITY].reverse().sort((a, b) => defaults(a) - defaults(b))).toEqual([...DEFAULT_PROVIDER_PRIORITY]);
  });

  it("the devices list and the rollup's ranking agree, whatever ranks are stored", async () => {
    const cases: Record<string, number>[] = [{}, { demo: 1, whoop: 2 }, { demo: 1500 }, { garmin: 3, terra: 20_000 }];
    for (const ranks of cases) {
      const userId = await userWithRanks(ranks);
      const listed = await getProviderPriority(handle.db, userId);
      const rank = await providerRanking(handle.db, userId);
      expect(listed).toEqual([...PRIORITY_SOURCES].sort((a, b) => rank(a) - rank(b)));
      expect(new Set(listed)).toEqual(new Set(PRIORITY_SOURCES));
    }
  });
});
