import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { notificationPreferences, profiles, type Profile } from "@/db/schema/profile";
import { AppError } from "../../errors";
import {
  ONBOARDING_STEPS,
  type OnboardingStepInput,
  type NotificationsUpdateInput,
  type OnboardingStepName,
  type ProfileUpdateInput,
} from "./inputs";

/** The column default of profiles.time_zone. */
const DEFAULT_TIME_ZONE = "UTC";

/** The user's profile row, created with defaults the first time anyone asks for it. */
export async function ensureProfile(db: Database, userId: string): Promise<Profile> {
  const [existing] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  if (existing) return existing;
  const [created] = await db.insert(profiles).values({ userId }).onConflictDoNothing().returning();
  if (created) return created;
  // A concurrent request created it between our select and insert.
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  if (!row) throw AppError.notFound("Profile");
  return row;
}

/** The user's IANA time zone: it decides the local day of readings that carry no offset. */
export async function userTimeZone(db: Database, userId: string): Promise<string> {
  return (await ensureProfile(db, userId)).timeZone;
}

/** The time zones of several users; a user without a profile row yet has the default (UTC). */
export async function timeZonesOf(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
  const rows = userIds.length ? await db.select({ userId: profiles.userId, timeZone: profiles.timeZone }).from(profiles).where(inArray(profiles.userId, [...userIds])) : [];
  const zones = new Map(rows.map((r) => [r.userId, r.timeZone]));
  return new Map(userIds.map((id) => [id, zones.get(id) ?? DEFAULT_TIME_ZONE]));
}

async function accountOf(db: Database, userId: string) {
  const [account] = await db
    .select({ name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw AppError.notFound("Account");
  return account;
}

export interface ProfileView {
  name: string | null;
  email: string;
  emailVerified: boolean;
  age: number | null;
  goal: Profile["goal"];
  deviceChoice: Profile["deviceChoice"];
  heightCm: number | null;
  weightKg: number | null;
  timeZone: string;
  units: Profile["units"];
  energyUnit: Profile["energyUnit"];
  onboardingCompleted: boolean;
}

export async function getProfile(db: Database, userId: string): Promise<ProfileView> {
  const [account, profile] = await Promise.all([accountOf(db, userId), ensureProfile(db, userId)]);
  return {
    name: account.name,
    email: account.email,
    emailVerified: account.emailVerifiedAt !== null,
    age: profile.age,
    goal: profile.goal,
    deviceChoice: profile.deviceChoice,
    heightCm: profile.heightCm,
    weightKg: profile.weightKg,
    timeZone: profile.timeZone,
    units: profile.units,
    energyUnit: profile.energyUnit,
    onboardingCompleted: profile.onboardingCompletedAt !== null,
  };
}

export async function updateProfile(db: Database, userId: string, input: ProfileUpdateInput): Promise<ProfileView> {
  await ensureProfile(db, userId);
  const { name, ...measurements } = input;
  await db.transaction(async (tx) => {
    if (name !== undefined) await tx.update(users).set({ name }).where(eq(users.id, userId));
    if (Object.values(measurements).some((value) => value !== undefined)) {
      await tx.update(profiles).set(measurements).where(eq(profiles.userId, userId));
    }
  });
  return getProfile(db, userId);
}

export interface OnboardingState {
  /** The step to show: the first one not yet saved, or the last one when all are saved. */
  currentStep: OnboardingStepName;
  stepIndex: number;
  completed: boolean;
  data: {
    age: number | null;
    goal: Profile["goal"];
    deviceChoice: Profile["deviceChoice"];
    units: Profile["units"];
    timeZone: string;
  };
}

function onboardingStateOf(profile: Profile): OnboardingState {
  const stepIndex = Math.min(profile.onboardingStep, ONBOARDING_STEPS.length - 1);
  return {
    currentStep: ONBOARDING_STEPS[stepIndex] ?? "age",
    stepIndex,
    completed: profile.onboardingCompletedAt !== null,
    data: {
      age: profile.age,
      goal: profile.goal,
      deviceChoice: profile.deviceChoice,
      units: profile.units,
      timeZone: profile.timeZone,
    },
  };
}

export async function getOnboarding(db: Database, userId: string): Promise<OnboardingState> {
  return onboardingStateOf(await ensureProfile(db, userId));
}

/** Saves one step's answers and moves the saved position forward (never backward, so going back to edit keeps progress). */
export async function saveOnboardingStep(db: Database, userId: string, input: OnboardingStepInput): Promise<OnboardingState> {
  const profile = await ensureProfile(db, userId);
  const reached = Math.max(profile.onboardingStep, ONBOARDING_STEPS.indexOf(input.step) + 1);
  const [updated] = await db
    .update(profiles)
    .set({ ...input.data, onboardingStep: reached })
    .where(eq(profiles.userId, userId))
    .returning();
  if (!updated) throw AppError.notFound("Profile");
  return onboardingStateOf(updated);
}

export async function completeOnboarding(db: Database, userId: string): Promise<OnboardingState> {
  const profile = await ensureProfile(db, userId);
  if (profile.onboardingCompletedAt) return onboardingStateOf(profile);
  const missing = [
    profile.age === null ? { path: "age", message: "Enter your age." } : null,
    profile.goal === null ? { path: "goal", message: "Choose a goal." } : null,
    profile.deviceChoice === null ? { path: "deviceChoice", message: "Choose whether to connect a device now or later." } : null,
    profile.onboardingStep < ONBOARDING_STEPS.length ? { path: "timeZone", message: "Confirm your units and time zone." } : null,
  ].filter((issue) => issue !== null);
  if (missing.length > 0) throw AppError.badRequest("Finish every onboarding step first.", missing);
  const [updated] = await db
    .update(profiles)
    .set({ onboardingCompletedAt: new Date() })
    .where(eq(profiles.userId, userId))
    .returning();
  if (!updated) throw AppError.notFound("Profile");
  return onboardingStateOf(updated);
}

export async function isOnboardingComplete(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ completedAt: profiles.onboardingCompletedAt })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return Boolean(row?.completedAt);
}

export interface NotificationSettings {
  dailySummary: boolean;
  recoveryAlerts: boolean;
  weeklyReport: boolean;
  marketing: boolean;
  pushDailySummary: boolean;
  pushRecoveryAlerts: boolean;
  pushWeeklyReport: boolean;
  dailySummaryTime: string;
  weeklyReportDay: number;
  weeklyReportTime: string;
  quietHours: { start: string; end: string } | null;
  updatedAt: Date;
}

function notificationSettingsOf(row: typeof notificationPreferences.$inferSelect): NotificationSettings {
  const { userId: _owner, quietHoursStart, quietHoursEnd, ...settings } = row;
  return { ...settings, quietHours: quietHoursStart && quietHoursEnd ? { start: quietHoursStart, end: quietHoursEnd } : null };
}

export async function getNotificationPreferences(db: Database, userId: string): Promise<NotificationSettings> {
  const read = () => db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  let [row] = await read();
  if (!row) {
    await db.insert(notificationPreferences).values({ userId }).onConflictDoNothing();
    [row] = await read();
  }
  if (!row) throw AppError.notFound("Notification preferences");
  return notificationSettingsOf(row);
}

export async function updateNotificationPreferences(db: Database, userId: string, input: NotificationsUpdateInput): Promise<NotificationSettings> {
  await getNotificationPreferences(db, userId);
  const { quietHours, ...rest } = input;
  const changes: Partial<typeof notificationPreferences.$inferInsert> = {
    ...rest,
    ...(quietHours === undefined ? {} : { quietHoursStart: quietHours?.start ?? null, quietHoursEnd: quietHours?.end ?? null }),
  };
  if (Object.values(changes).some((value) => value !== undefined)) {
    await db.update(notificationPreferences).set(changes).where(eq(notificationPreferences.userId, userId));
  }
  return getNotificationPreferences(db, userId);
}
