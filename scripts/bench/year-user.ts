/**
 * A signed-up, onboarded user holding one year of the demo wearable up to yesterday, stored through
 * the real pipeline (as ingest-year does) and rolled up: the user the insights, trend and dashboard
 * benchmarks measure.
 */
import type { Database } from "@/db";
import { createUser } from "@/server/account/auth/users";
import { completeOnboarding, saveOnboardingStep, updateProfile } from "@/server/account/profile/service";
import { addDays } from "@/server/health/local-date";
import { rollupDays } from "@/server/health/timeseries/rollup";
import { demoPayloads, runPipeline, TIME_ZONE, type BenchPayloads } from "./ingest-year";

export const YEAR_DAYS = 365;
export const YEAR_USER_PASSWORD = "Bench-year-passphrase-7";

export interface YearUser {
  userId: string;
  email: string;
  password: string;
  /** First and last local day of the data. */
  from: string;
  to: string;
  samples: number;
  days: number;
}

/** The year of webhook bodies ending yesterday (UTC), generated before anything is timed. */
export function yearPayloads(today = new Date().toISOString().slice(0, 10)): BenchPayloads & { from: string; to: string } {
  const from = addDays(today, -YEAR_DAYS);
  return { ...demoPayloads(YEAR_DAYS, from), from, to: addDays(today, -1) };
}

export async function seedYearUser(db: Database, payloads: BenchPayloads & { from: string; to: string }, email: string): Promise<YearUser> {
  const user = await createUser(db, { email, password: YEAR_USER_PASSWORD, name: "Bench Year", verified: true });
  await saveOnboardingStep(db, user.id, { step: "age", data: { age: 38 } });
  await saveOnboardingStep(db, user.id, { step: "goal", data: { goal: "energy" } });
  await saveOnboardingStep(db, user.id, { step: "device", data: { deviceChoice: "now" } });
  await saveOnboardingStep(db, user.id, { step: "preferences", data: { units: "metric", timeZone: TIME_ZONE } });
  await completeOnboarding(db, user.id);
  await updateProfile(db, user.id, { heightCm: 175, weightKg: 70 });
  const stored = await runPipeline(db, user.id, payloads);
  await rollupDays(db, user.id, stored.dates);
  return { userId: user.id, email, password: YEAR_USER_PASSWORD, from: payloads.from, to: payloads.to, samples: stored.samples, days: stored.dates.size };
}
