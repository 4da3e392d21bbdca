import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import PaymentFailed from "@/components/plans/emails/payment-failed";
import { sendEmail } from "@/server/platform/email/send";
import { PLANS, type PlanId } from "../plans/catalog";
import type { StripeConfig } from "./config";

/** Tells the user a payment failed (through the one email path: Resend or the outbox). */
export async function sendPaymentFailedEmail(db: Database, config: StripeConfig, target: { userId: string; plan: PlanId }): Promise<void> {
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, target.userId)).limit(1);
  if (!user) return;
  const planName = PLANS[target.plan].name;
  await sendEmail(db, {
    to: user.email,
    subject: `Your BioSync ${planName} payment did not go through`,
    tag: "payment-failed",
    userId: target.userId,
    react: <PaymentFailed planName={planName} billingUrl={new URL("/settings/plan", config.appUrl).toString()} name={user.name} />,
  });
}
