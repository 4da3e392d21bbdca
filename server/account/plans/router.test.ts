import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { callerFor, sessionFor } from "@/server/testing";
import { PLANS } from "./catalog";
import { planOverview } from "./overview";
import { saveSubscription } from "./subscriptions";
import { takeUse } from "./usage";

const handle = withTestDb();

async function newUser() {
  const user = await createUser(handle.db, { email: `plans-${crypto.randomUUID()}@example.com` });
  return { user, caller: callerFor(handle.db, sessionFor(user)) };
}

describe("plans router", () => {
  it("catalog: the three plans, cheapest first, as the catalog writes them", async () => {
    const { caller } = await newUser();
    expect(await caller.plans.catalog()).toEqual([PLANS.free, PLANS.pro, PLANS.team]);
  });

  it("current: free by default, today's usage against the limits on the local day, no subscription", async () => {
    const { user, caller } = await newUser();
    await caller.profile.update({ timeZone: "Pacific/Auckland" });
    const now = await caller.plans.current();
    await takeUse(handle.db, user.id, "manual-syncs", now.day, 5);
    const after = await caller.plans.current();
    expect(after).toMatchObject({
      plan: { id: "free", name: "Free" },
      timeZone: "Pacific/Auckland",
      subscription: null,
      usage: [
        { feature: "exports", used: 0, limit: 3 },
        { feature: "manual-syncs", used: 1, limit: 5 },
      ],
    });
    expect(after.historyStart).not.toBeNull();
  });

  it("current: a Stripe subscription's status, period end and cancellation; what this server offers", async () => {
    const { user } = await newUser();
    const periodEnd = new Date("2027-02-01T00:00:00Z");
    await saveSubscription(handle.db, user.id, { plan: "pro", status: "past_due", source: "stripe", stripeCustomerId: `cus_${user.id}`, currentPeriodEnd: periodEnd, cancelAtPeriodEnd: true });
    const stripe = { secretKey: "sk", webhookSecret: null, prices: { pro: "price_pro", team: null }, apiBase: null, appUrl: "http://localhost" };
    expect(await planOverview(handle.db, user.id, { stripe, aiConfigured: false })).toMatchObject({
      plan: { id: "pro" },
      historyStart: null,
      subscription: { status: "past_due", source: "stripe", currentPeriodEnd: periodEnd, cancelAtPeriodEnd: true, manageable: true },
      stripeConfigured: true,
      checkoutPlans: ["pro"],
      usage: [
        { feature: "exports", used: 0, limit: 20 },
        { feature: "manual-syncs", used: 0, limit: 50 },
      ],
    });
    expect(await planOverview(handle.db, user.id, { stripe: null, aiConfigured: false })).toMatchObject({ stripeConfigured: false, checkoutPlans: [], subscription: { manageable: false } });
  });
});
