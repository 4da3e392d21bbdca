import { z } from "zod";
import { singleLineText } from "../../inputs";
import { HEIGHT_CM_RANGE, WEIGHT_KG_RANGE } from "./units";

export const GOALS = ["energy", "sleep", "fitness", "weight", "focus"] as const;
export const DEVICE_CHOICES = ["now", "later"] as const;
export const UNIT_SYSTEMS = ["metric", "imperial"] as const;
export const ENERGY_UNITS = ["kcal", "kJ"] as const;
export const AGE_RANGE = { min: 13, max: 120 } as const;

/** True for names the runtime's Intl knows (IANA zones and their aliases, e.g. "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = singleLineText({ max: 64 }).refine(isValidTimeZone, { message: "Choose a time zone from the list." });

export const ageSchema = z
  .number({ message: "Enter your age as a number." })
  .int("Enter a whole number of years.")
  .min(AGE_RANGE.min, `You must be at least ${AGE_RANGE.min}.`)
  .max(AGE_RANGE.max, `Enter an age up to ${AGE_RANGE.max}.`);

export const goalSchema = z.enum(GOALS, { message: "Choose one of the goals." });
export const deviceChoiceSchema = z.enum(DEVICE_CHOICES, { message: "Choose now or later." });
export const unitsSchema = z.enum(UNIT_SYSTEMS, { message: "Choose metric or imperial." });
export const energyUnitSchema = z.enum(ENERGY_UNITS, { message: "Choose kcal or kJ." });

export const heightCmSchema = z
  .number({ message: "Enter a height." })
  .min(HEIGHT_CM_RANGE.min, `Height must be at least ${HEIGHT_CM_RANGE.min} cm (1 ft 8 in).`)
  .max(HEIGHT_CM_RANGE.max, `Height must be at most ${HEIGHT_CM_RANGE.max} cm (8 ft 11 in).`);

export const weightKgSchema = z
  .number({ message: "Enter a weight." })
  .min(WEIGHT_KG_RANGE.min, `Weight must be at least ${WEIGHT_KG_RANGE.min} kg (44 lb).`)
  .max(WEIGHT_KG_RANGE.max, `Weight must be at most ${WEIGHT_KG_RANGE.max} kg (882 lb).`);

export const nameSchema = singleLineText({ min: 1, minMessage: "Enter your name.", max: 100, maxMessage: "Keep your name under 100 characters." });

/** Partial update: omitted fields stay as they are; null clears a measurement. */
export const profileUpdateInput = z.object({
  name: nameSchema.optional(),
  heightCm: heightCmSchema.nullable().optional(),
  weightKg: weightKgSchema.nullable().optional(),
  timeZone: timeZoneSchema.optional(),
  units: unitsSchema.optional(),
  energyUnit: energyUnitSchema.optional(),
});
export type ProfileUpdateInput = z.infer<typeof profileUpdateInput>;

export const ONBOARDING_STEPS = ["age", "goal", "device", "preferences"] as const;
export type OnboardingStepName = (typeof ONBOARDING_STEPS)[number];

export const onboardingStepInput = z.discriminatedUnion("step", [
  z.object({ step: z.literal("age"), data: z.object({ age: ageSchema }) }),
  z.object({ step: z.literal("goal"), data: z.object({ goal: goalSchema }) }),
  z.object({ step: z.literal("device"), data: z.object({ deviceChoice: deviceChoiceSchema }) }),
  z.object({ step: z.literal("preferences"), data: z.object({ units: unitsSchema, timeZone: timeZoneSchema }) }),
]);
export type OnboardingStepInput = z.infer<typeof onboardingStepInput>;

const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A local time of day, "HH:MM" (24-hour), as `<input type="time">` gives it. */
export const clockTimeSchema = singleLineText({ max: 5 }).refine((value) => CLOCK_TIME.test(value), { message: "Enter a time like 08:00." });

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Quiet hours [start, end) in local time; an end before the start wraps past midnight; null turns them off. */
export const quietHoursSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((quiet) => quiet.start !== quiet.end, { message: "Quiet hours must end at another time than they start.", path: ["end"] });

export const notificationsUpdateInput = z
  .object({
    dailySummary: z.boolean(),
    recoveryAlerts: z.boolean(),
    weeklyReport: z.boolean(),
    marketing: z.boolean(),
    pushDailySummary: z.boolean(),
    pushRecoveryAlerts: z.boolean(),
    pushWeeklyReport: z.boolean(),
    dailySummaryTime: clockTimeSchema,
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weeklyReportDay: z.number({ message: "Choose a day of the week." }).int("Choose a day of the week.").min(1, "Choose a day of the week.").max(7, "Choose a day of the week."),
    weeklyReportTime: clockTimeSchema,
    quietHours: quietHoursSchema.nullable(),
  })
  .partial();
export type NotificationsUpdateInput = z.infer<typeof notificationsUpdateInput>;
