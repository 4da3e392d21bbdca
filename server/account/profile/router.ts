import { z } from "zod";
import { protectedProcedure, router } from "../../trpc";
import {
  GOALS,
  DEVICE_CHOICES,
  ONBOARDING_STEPS,
  UNIT_SYSTEMS,
  ENERGY_UNITS,
  notificationsUpdateInput,
  onboardingStepInput,
  profileUpdateInput,
} from "./inputs";
import {
  completeOnboarding,
  getNotificationPreferences,
  getOnboarding,
  getProfile,
  saveOnboardingStep,
  updateNotificationPreferences,
  updateProfile,
} from "./service";

const profileOutput = z.object({
  name: z.string().nullable(),
  email: z.string(),
  emailVerified: z.boolean(),
  age: z.number().int().nullable(),
  goal: z.enum(GOALS).nullable(),
  deviceChoice: z.enum(DEVICE_CHOICES).nullable(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  timeZone: z.string(),
  units: z.enum(UNIT_SYSTEMS),
  energyUnit: z.enum(ENERGY_UNITS),
  onboardingCompleted: z.boolean(),
});

const onboardingOutput = z.object({
  currentStep: z.enum(ONBOARDING_STEPS),
  stepIndex: z.number().int(),
  completed: z.boolean(),
  data: z.object({
    age: z.number().int().nullable(),
    goal: z.enum(GOALS).nullable(),
    deviceChoice: z.enum(DEVICE_CHOICES).nullable(),
    units: z.enum(UNIT_SYSTEMS),
    timeZone: z.string(),
  }),
});

const notificationsOutput = z.object({
  dailySummary: z.boolean(),
  recoveryAlerts: z.boolean(),
  weeklyReport: z.boolean(),
  marketing: z.boolean(),
  pushDailySummary: z.boolean(),
  pushRecoveryAlerts: z.boolean(),
  pushWeeklyReport: z.boolean(),
  dailySummaryTime: z.string(),
  weeklyReportDay: z.number().int(),
  weeklyReportTime: z.string(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  updatedAt: z.date(),
});

export const profileRouter = router({
  get: protectedProcedure.meta({ openapi: { method: "GET", path: "/me", operationId: "getMe", tags: ["account"], summary: "The signed-in account: profile, time zone and units." } }).output(profileOutput).query(({ ctx }) => getProfile(ctx.db, ctx.user.id)),
  update: protectedProcedure
    .input(profileUpdateInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.user.id, input)),

  onboarding: router({
    get: protectedProcedure.output(onboardingOutput).query(({ ctx }) => getOnboarding(ctx.db, ctx.user.id)),
    saveStep: protectedProcedure
      .input(onboardingStepInput)
      .output(onboardingOutput)
      .mutation(({ ctx, input }) => saveOnboardingStep(ctx.db, ctx.user.id, input)),
    complete: protectedProcedure.output(onboardingOutput).mutation(({ ctx }) => completeOnboarding(ctx.db, ctx.user.id)),
  }),

  notifications: router({
    get: protectedProcedure.output(notificationsOutput).query(({ ctx }) => getNotificationPreferences(ctx.db, ctx.user.id)),
    update: protectedProcedure
      .input(notificationsUpdateInput)
      .output(notificationsOutput)
      .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.db, ctx.user.id, input)),
  }),
});
