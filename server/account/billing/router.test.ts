import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { saveSubscription } from "@/server/account/plans/subscriptions";
import { callerFor, rejectionOf, sessionFor } from "@/server/testing";
import type { StripeConfig } from "./config";
import { FAKE_PRICES, startFakeStripe, type FakeStripe } from "./testing/fake-stripe";

const handle = withTestDb();
const state: { config: StripeConfig | null } = { config: null };
vi.mock("./config", async (original) => ({ ...(await original<typeof import("./config")>()), stripeConfigFrom: () => state.config }));

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  state.config = fake.config();
});
afterAll(() => fake.close());

async function newUser() {
  const user = await createUser(handle.db, { email: `billing-${crypto.randomUUID()}@example.com`, name: "Ambrose Thistlewood" });
  return { user, caller: callerFor(handle.db, sessionFor(user)) };
}

describe("billing router", () => {
  it("checkout: a customer with the user id in its metadata, a subscription-mode session for the plan's price, the session's URL", async () => {
    const { user, caller } = await newUser();
    const { url } = await caller.billing.checkout({ plan: "pro" });
    expect(url).toMatch(new RegExp(`^${fake.url}/checkout/cs_test_`));
    const customer = fake.customers.find((c) => c.metadata.userId === user.id);
    expect(customer).toMatchObject({ email: user.email, name: "Ambrose Thistlewood" });
    const session = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect(session.body).toMatchObject({
      mode: "subscription",
      customer: customer!.id,
      client_reference_id: user.id,
      line_items: [{ price: FAKE_PRICES.pro, quantity: "1" }],
      subscription_data: { metadata: { userId: user.id, plan: "pro" } },
      success_url: "http://localhost:3000/settings/plan?checkout=success",
      cancel_url: "http://localhost:3000/settings/plan?checkout=canceled",
    });

    // A second checkout (the first was abandoned) finds the same customer.
    await caller.billing.checkout({ plan: "team" });
    expect(fake.customers.filter((c) => c.metadata.userId === user.id)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!.body).toMatchObject({ customer: customer!.id, line_items: [{ price: FAKE_PRICES.team }] });
  });

  it("checkout is refused for the plan the user has, and for a running Stripe subscription (the portal changes it)", async () => {
    const { user, caller } = await newUser();
    await saveSubscription(handle.db, user.id, { plan: "pro", status: "active", source: "stripe", stripeCustomerId: `cus_${user.id.slice(0, 8)}` });
    expect((await rejectionOf(caller.billing.checkout({ plan: "pro" }), TRPCError)).code).toBe("CONFLICT");
    expect((await rejectionOf(caller.billing.checkout({ plan: "team" }), TRPCError)).message).toMatch(/Manage billing/);
  });

  it("portal: a session for the user's customer returning to the plan page; none without a subscription", async () => {
    const { user, caller } = await newUser();
    expect((await rejectionOf(caller.billing.portal(), TRPCError)).code).toBe("CONFLICT");
    await saveSubscription(handle.db, user.id, { plan: "pro", status: "active", source: "stripe", stripeCustomerId: "cus_portal_1" });
    const { url } = await caller.billing.portal();
    expect(url).toMatch(new RegExp(`^${fake.url}/portal/bps_`));
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/billing_portal/sessions", body: { customer: "cus_portal_1", return_url: "http://localhost:3000/settings/plan" } });
  });

  it("without Stripe keys both answer that an administrator sets plans", async () => {
    const { caller } = await newUser();
    const saved = state.config;
    state.config = null;
    try {
      const error = await rejectionOf(caller.billing.checkout({ plan: "pro" }), TRPCError);
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.cause).toMatchObject({ reason: "billing.not-configured" });
      expect((await rejectionOf(caller.billing.portal(), TRPCError)).code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      state.config = saved;
    }
  });
});
