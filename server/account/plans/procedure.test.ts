import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { withTestDb } from "@/db/testing";
import { usageCounters } from "@/db/schema/plans";
import { profiles } from "@/db/schema/profile";
import { createUser } from "@/server/account/auth/users";
import { AppError } from "@/server/errors";
import { rejectionOf, sessionFor } from "@/server/testing";
import { createCallerFactory, router } from "@/server/trpc";
import { entitledProcedure, meteredProcedure, PLAN_ERROR_REASONS } from "./procedure";
import { onPlan } from "./testing";
import { takeUse, usageDay, usageOn } from "./usage";

const handle = withTestDb();

// A router of the two guards alone: what they let through is what any procedure built on them gets.
const guarded = router({
  narrated: entitledProcedure("ai-narrative").query(({ ctx }) => ({ plan: ctx.plan })),
  teamOnly: entitledProcedure("team-dashboard").query(() => "team"),
  exportOne: meteredProcedure("exports")
    .input(z.object({ fail: z.boolean().default(false) }))
    .mutation(({ input }) => {
      if (input.fail) throw AppError.badRequest("The export could not start.");
      return "started";
    }),
});
const createCaller = createCallerFactory(guarded);

async function userIn(timeZone = "UTC") {
  const user = await createUser(handle.db, { email: `guard-${crypto.randomUUID()}@example.com` });
  await handle.db.insert(profiles).values({ userId: user.id, timeZone }).onConflictDoUpdate({ target: profiles.userId, set: { timeZone } });
  const caller = createCaller({ db: handle.db, user: sessionFor(user), requestId: "test", ip: "127.0.0.1", userAgent: null });
  return { user, caller };
}

afterEach(() => void vi.useRealTimers());

describe("entitledProcedure", () => {
  it("refuses the free plan with the upgrade reason, naming the plan that includes the feature", async () => {
    const { caller } = await userIn();
    const error = await rejectionOf(caller.narrated(), TRPCError);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cause).toMatchObject({ reason: PLAN_ERROR_REASONS.upgradeRequired, details: { feature: "ai-narrative", plan: "free", requiredPlan: "pro" } });
  });

  it("allows Pro, and Team for what only Team includes", async () => {
    const { user, caller } = await userIn();
    await onPlan(handle.db, user.id, "pro");
    expect(await caller.narrated()).toEqual({ plan: "pro" });
    expect((await rejectionOf(caller.teamOnly(), TRPCError)).cause).toMatchObject({ details: { requiredPlan: "team" } });
    await onPlan(handle.db, user.id, "team");
    expect(await caller.teamOnly()).toBe("team");
  });
});

describe("meteredProcedure", () => {
  it("allows free its 3 exports a day, then refuses the 4th with the upgrade reason; Pro goes on", async () => {
    const { user, caller } = await userIn();
    for (let i = 0; i < 3; i++) expect(await caller.exportOne({})).toBe("started");
    const refused = await rejectionOf(caller.exportOne({}), TRPCError);
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.cause).toMatchObject({ reason: PLAN_ERROR_REASONS.upgradeRequired, details: { feature: "exports", limit: 3, requiredPlan: "pro" } });
    await onPlan(handle.db, user.id, "pro");
    expect(await caller.exportOne({})).toBe("started");
  });

  it("gives the use of a failed call back", async () => {
    const { user, caller } = await userIn();
    await rejectionOf(caller.exportOne({ fail: true }), TRPCError);
    const day = await usageDay(handle.db, user.id);
    expect((await usageOn(handle.db, user.id, day)).get("exports") ?? 0).toBe(0);
    for (let i = 0; i < 3; i++) await caller.exportOne({});
    expect((await usageOn(handle.db, user.id, day)).get("exports")).toBe(3);
  });

  it("resets at each user's own midnight: Auckland and Los Angeles around theirs", async () => {
    const auckland = await userIn("Pacific/Auckland");
    const angeles = await userIn("America/Los_Angeles");
    vi.useFakeTimers({ toFake: ["Date"] });
    // 10:59 UTC = 23:59 in Auckland (NZDT, +13) and 02:59 in Los Angeles (PST, -8) on 1 December.
    vi.setSystemTime(new Date("2026-12-01T10:59:00Z"));
    for (let i = 0; i < 3; i++) {
      await auckland.caller.exportOne({});
      await angeles.caller.exportOne({});
    }
    await rejectionOf(auckland.caller.exportOne({}), TRPCError);
    // 11:01 UTC: past midnight in Auckland (2 December there), still the 1st in Los Angeles.
    vi.setSystemTime(new Date("2026-12-01T11:01:00Z"));
    expect(await auckland.caller.exportOne({})).toBe("started");
    await rejectionOf(angeles.caller.exportOne({}), TRPCError);
    expect(await usageDay(handle.db, auckland.user.id)).toBe("2026-12-02");
    // 08:01 UTC on the 2nd: midnight has passed in Los Angeles too.
    vi.setSystemTime(new Date("2026-12-02T08:01:00Z"));
    expect(await angeles.caller.exportOne({})).toBe("started");
    const counts = await handle.db
      .select({ day: usageCounters.day, count: usageCounters.count })
      .from(usageCounters)
      .where(and(eq(usageCounters.userId, angeles.user.id), eq(usageCounters.feature, "exports")))
      .orderBy(usageCounters.day);
    expect(counts).toEqual([
      { day: "2026-12-01", count: 3 },
      { day: "2026-12-02", count: 1 },
    ]);
  });

  it("never lets concurrent takes go past the limit", async () => {
    const { user } = await userIn();
    const day = "2026-12-01";
    const taken = await Promise.all(Array.from({ length: 12 }, () => takeUse(handle.db, user.id, "exports", day, 3)));
    expect(taken.filter((count) => count !== null).sort()).toEqual([1, 2, 3]);
    expect((await usageOn(handle.db, user.id, day)).get("exports")).toBe(3);
  });
});
