import { count } from "drizzle-orm";
import type { Database } from "@/db";
import { saveSubscription } from "@/server/account/plans/subscriptions";
import { users } from "@/db/schema";
import { createUser } from "@/server/account/auth/users";
import { connectDemo } from "@/server/health/devices/devices";
import { logger } from "@/server/logger";
import { completeOnboarding, saveOnboardingStep, updateProfile } from "@/server/account/profile/service";

/** Days of simulated wearable data the demo account gets, delivered as signed webhooks. */
export const DEMO_HISTORY_DAYS = 180;

/** Sign-in details of the seeded accounts (printed in the README). */
export const DEMO_ACCOUNT = { email: "demo@biosync.local", password: "BioSync-demo-1", name: "Dana Demo" } as const;
export const ADMIN_ACCOUNT = { email: "admin@biosync.local", password: "BioSync-admin-1", name: "Ada Admin" } as const;

export interface SeedResult {
  seeded: boolean;
  demoUserId?: string;
  adminUserId?: string;
}

/** On an empty database: a demo user (onboarded, on Pro, with the demo wearable connected) and an admin. Does nothing once any user exists. */
export async function seedIfEmpty(db: Database): Promise<SeedResult> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return { seeded: false };

  const demo = await createUser(db, { ...DEMO_ACCOUNT, verified: true, role: "user" });
  const admin = await createUser(db, { ...ADMIN_ACCOUNT, verified: true, role: "admin" });
  for (const user of [demo, admin]) await onboard(db, user.id);
  await updateProfile(db, demo.id, { heightCm: 172, weightKg: 68 });
  // On Pro, as an admin would set it by hand: the demo shows all of its history and the AI summaries.
  await saveSubscription(db, demo.id, { plan: "pro", status: "active", source: "manual" });
  // The demo provider's backfill job delivers the history through the real webhook route.
  await connectDemo(db, demo.id, DEMO_HISTORY_DAYS);

  logger.info({ demo: DEMO_ACCOUNT.email, admin: ADMIN_ACCOUNT.email }, "seeded demo and admin accounts");
  return { seeded: true, demoUserId: demo.id, adminUserId: admin.id };
}

async function onboard(db: Database, userId: string) {
  await saveOnboardingStep(db, userId, { step: "age", data: { age: 34 } });
  await saveOnboardingStep(db, userId, { step: "goal", data: { goal: "energy" } });
  await saveOnboardingStep(db, userId, { step: "device", data: { deviceChoice: "now" } });
  await saveOnboardingStep(db, userId, { step: "preferences", data: { units: "metric", timeZone: "Europe/Berlin" } });
  await completeOnboarding(db, userId);
}
