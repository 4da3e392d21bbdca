import type { StatusCheck, StatusColour } from "@/server/platform/ops/status-schema";

export const COLOUR_LABELS: Record<StatusColour, string> = { green: "Green", yellow: "Yellow", red: "Red" };

export const COLOUR_SUMMARIES: Record<StatusColour, string> = {
  green: "Everything is within its thresholds.",
  yellow: "Degraded: at least one check passed its yellow threshold.",
  red: "Failing: at least one check passed its red threshold.",
};

export const BADGE_VARIANTS = { green: "success", yellow: "warning", red: "danger" } as const satisfies Record<StatusColour, string>;

const UNIT_SUFFIX: Record<StatusCheck["unit"], string> = { ms: " ms", "%": " %", runs: "", min: " min" };

export function formatValue(value: number, unit: StatusCheck["unit"]): string {
  return `${value.toLocaleString("en")}${UNIT_SUFFIX[unit]}`;
}

/** "yellow ≥ 500 ms · red ≥ 2,000 ms", or "< …" for checks that get worse as they fall. */
export function formatThresholds(check: Pick<StatusCheck, "yellow" | "red" | "unit" | "worseWhen">): string {
  const op = check.worseWhen === "above" ? "≥" : "<";
  return `yellow ${op} ${formatValue(check.yellow, check.unit)} · red ${op} ${formatValue(check.red, check.unit)}`;
}

export function formatWindow(check: Pick<StatusCheck, "windowMinutes">): string {
  if (check.windowMinutes === null) return "now";
  return check.windowMinutes % 60 === 0 ? `last ${check.windowMinutes / 60} h` : `last ${check.windowMinutes} min`;
}
