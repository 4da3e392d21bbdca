import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDb } from "@/db/testing";
import { stripeEvents } from "@/db/schema/billing";
import { emailOutbox } from "@/db/schema/email";
import { createUser } from "@/server/account/auth/users";
import type { StripeConfig } from "@/server/account/billing/config";
import { FAKE_PRICES, startFakeStripe, type FakeStripe } from "@/server/account/billing/testing/fake-stripe";
import { invoiceObject, signatureFor, stripeEvent, subscriptionObject, type SubscriptionFields } from "@/server/account/billing/testing/stripe-events";
import { currentPlan, getSubscription } from "@/server/account/plans/subscriptions";
import { POST } from "./route";

const handle = withTestDb();
const state: { config: StripeConfig | null } = { config: null };
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => handle.db }));
vi.mock("@/server/account/billing/config", async (original) => ({
  ...(await original<typeof import("@/server/account/billing/config")>()),
  stripeConfigFrom: () => state.config,
}));

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  state.config = fake.config();
});
afterAll(() => fake.close());

let customers = 0;
async function customerOfNewUser() {
  const user = await createUser(handle.db, { email: `stripe-${crypto.randomUUID()}@example.com`, name: "Perpetua Hollis" });
  return { userId: user.id, customer: `cus_route${++customers}` };
}

async function deliver(event: { payload: string }, signature = signatureFor(event.payload)) {
  const response = await POST(new Request("http://localhost/api/billing/stripe", { method: "POST", body: event.payload, headers: { "stripe-signature": signature } }));
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: { code: string } } };
}

const subscriptionEvent = (type: string, fields: SubscriptionFields, created?: Date) => stripeEvent(`customer.subscription.${type}`, subscriptionObject(fields), created);

describe("POST /api/billing/stripe", () => {
  it("created: the user is on Pro once, with Stripe's amount and period; the replay changes nothing", async () => {
    const { userId, customer } = await customerOfNewUser();
    const periodEnd = new Date("2027-01-01T00:00:00Z");
    const event = subscriptionEvent("created", { id: "sub_created_1", customer, userId, periodEnd });
    expect(await deliver(event)).toEqual({ status: 200, body: expect.objectContaining({ outcome: "applied" }) });
    const first = await getSubscription(handle.db, userId);
    expect(first).toMatchObject({ plan: "pro", status: "active", source: "stripe", monthlyAmountCents: 900, stripeCustomerId: customer, stripeSubscriptionId: "sub_created_1", currentPeriodEnd: periodEnd });

    expect(await deliver(event)).toEqual({ status: 200, body: expect.objectContaining({ outcome: "duplicate" }) });
    expect(await getSubscription(handle.db, userId)).toEqual(first);
    expect(await handle.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toHaveLength(1);
  });

  it("updated: a yearly Team price becomes Team at its monthly amount, cancel at period end kept", async () => {
    const { userId, customer } = await customerOfNewUser();
    await deliver(subscriptionEvent("created", { id: "sub_up", customer, userId }, new Date(Date.now() - 60_000)));
    const updated = subscriptionEvent("updated", { id: "sub_up", customer, price: FAKE_PRICES.team, unitAmount: 29_000, interval: "year", cancelAtPeriodEnd: true });
    expect((await deliver(updated)).body.outcome).toBe("applied");
    expect(await getSubscription(handle.db, userId)).toMatchObject({ plan: "team", monthlyAmountCents: 2417, cancelAtPeriodEnd: true });
  });

  it("deleted: back on free; an older updated delivered afterwards does not bring the plan back", async () => {
    const { userId, customer } = await customerOfNewUser();
    const t = Date.now();
    await deliver(subscriptionEvent("created", { id: "sub_del", customer, userId }, new Date(t - 120_000)));
    expect((await deliver(subscriptionEvent("deleted", { id: "sub_del", customer, status: "canceled" }, new Date(t)))).body.outcome).toBe("applied");
    expect(await currentPlan(handle.db, userId)).toBe("free");
    expect((await getSubscription(handle.db, userId))?.status).toBe("canceled");

    const late = subscriptionEvent("updated", { id: "sub_del", customer, status: "active" }, new Date(t - 60_000));
    expect((await deliver(late)).body.outcome).toBe("stale");
    expect(await currentPlan(handle.db, userId)).toBe("free");
    // Even with a later timestamp, a canceled subscription is not revived.
    expect((await deliver(subscriptionEvent("updated", { id: "sub_del", customer, status: "active" }, new Date(t + 60_000)))).body.outcome).toBe("stale");
    expect(await currentPlan(handle.db, userId)).toBe("free");
  });

  it("invoice.payment_failed: past due (the plan stays) and the user is emailed", async () => {
    const { userId, customer } = await customerOfNewUser();
    await deliver(subscriptionEvent("created", { id: "sub_fail", customer, userId }, new Date(Date.now() - 60_000)));
    expect((await deliver(stripeEvent("invoice.payment_failed", invoiceObject(customer, "sub_fail")))).body.outcome).toBe("applied");
    expect(await getSubscription(handle.db, userId)).toMatchObject({ plan: "pro", status: "past_due", monthlyAmountCents: 900 });
    expect(await currentPlan(handle.db, userId)).toBe("pro");
    const mail = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
    expect(mail.map((m) => m.tag)).toEqual(["payment-failed"]);
    expect(mail[0]!.text).toContain("/settings/plan");
  });

  it("refuses a bad signature with 400 and stores nothing", async () => {
    const { userId, customer } = await customerOfNewUser();
    const event = subscriptionEvent("created", { customer, userId });
    const forged = signatureFor(event.payload, "whsec_someone_else");
    expect(await deliver(event, forged)).toEqual({ status: 400, body: { error: expect.objectContaining({ code: "BAD_REQUEST" }) } });
    expect(await deliver(event, "")).toMatchObject({ status: 400 });
    const tampered = { payload: event.payload.replace('"active"', '"trialing"') };
    expect((await deliver(tampered, signatureFor(event.payload))).status).toBe(400);
    expect(await handle.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    expect(await getSubscription(handle.db, userId)).toBeUndefined();
  });

  it("an unknown customer (and an event type it does not handle) answers 200, ignored, nothing changes", async () => {
    const unknown = subscriptionEvent("created", { customer: "cus_nobody" });
    expect(await deliver(unknown)).toEqual({ status: 200, body: expect.objectContaining({ outcome: "ignored" }) });
    expect(await deliver(stripeEvent("charge.succeeded", { id: "ch_1", object: "charge", customer: "cus_nobody" }))).toMatchObject({ status: 200, body: { outcome: "ignored" } });
  });

  it("answers 404 when Stripe is not configured", async () => {
    const saved = state.config;
    state.config = null;
    try {
      const event = subscriptionEvent("created", { customer: "cus_x" });
      expect((await deliver(event)).status).toBe(404);
    } finally {
      state.config = saved;
    }
  });
});
