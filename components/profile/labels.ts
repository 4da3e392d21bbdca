import type { OnboardingStepName } from "@/server/account/profile/inputs";

type Goal = "energy" | "sleep" | "fitness" | "weight" | "focus";

export const GOAL_OPTIONS: readonly { value: Goal; label: string; description: string }[] = [
  { value: "energy", label: "More energy", description: "Understand what drains and restores you day to day." },
  { value: "sleep", label: "Better sleep", description: "Sleep longer, more regularly and more deeply." },
  { value: "fitness", label: "Fitness", description: "Train at the right load and recover well." },
  { value: "weight", label: "Weight", description: "Reach and keep a healthy weight." },
  { value: "focus", label: "Focus", description: "Keep a clear head through the working day." },
];

export function goalLabel(goal: Goal | null): string {
  return GOAL_OPTIONS.find((option) => option.value === goal)?.label ?? "Not set";
}

export const UNIT_OPTIONS = [
  { value: "metric", label: "Metric", description: "Centimetres and kilograms" },
  { value: "imperial", label: "Imperial", description: "Feet, inches and pounds" },
] as const;

export const ENERGY_OPTIONS = [
  { value: "kcal", label: "Kilocalories (kcal)", description: "Energy burned and eaten in kcal" },
  { value: "kJ", label: "Kilojoules (kJ)", description: "Energy burned and eaten in kJ" },
] as const;

export const ONBOARDING_TITLES: Record<OnboardingStepName, { title: string; description: string }> = {
  age: { title: "How old are you?", description: "Baselines for heart rate and sleep depend on age." },
  goal: { title: "What matters most to you?", description: "We put this first on your dashboard. You can change it later." },
  device: { title: "Connect a wearable?", description: "BioSync reads sleep, heart and activity data from the device you wear." },
  preferences: { title: "Units and time zone", description: "Numbers are shown in your units, and days start at midnight in your time zone." },
};

/** "America/New_York" → "America/New York". */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll("_", " ");
}
