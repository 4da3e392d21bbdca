import type { SleepDuration } from "@/inngest/define";

const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a step.sleep or debounce duration (a number is already milliseconds). */
export function durationMs(duration: SleepDuration): number {
  if (typeof duration === "number") return Math.max(0, duration);
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(duration);
  if (!match) throw new Error(`Invalid duration "${duration}"`);
  return Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
}
