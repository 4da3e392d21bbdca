/** How sleep stages are drawn (pure): four levels, deep at the bottom, awake at the top. */

export interface StageInterval {
  stage: string;
  start: string;
  end: string;
}

export const STAGE_LEVELS = [
  { key: "deep", label: "Deep", color: "var(--stage-deep)" },
  { key: "light", label: "Light", color: "var(--stage-light)" },
  { key: "rem", label: "REM", color: "var(--stage-rem)" },
  { key: "awake", label: "Awake", color: "var(--stage-awake)" },
] as const;

/** The level a stored stage is drawn at; null for stages that say nothing (unknown). "asleep" without detail draws as light. */
export function stageLevelOf(stage: string): number | null {
  switch (stage) {
    case "deep":
      return 0;
    case "light":
    case "asleep":
      return 1;
    case "rem":
      return 2;
    case "awake":
    case "in_bed":
    case "out_of_bed":
      return 3;
    default:
      return null;
  }
}

/** Seconds spent in each drawn level, from the intervals. */
export function secondsPerLevel(stages: readonly StageInterval[]): number[] {
  const totals = STAGE_LEVELS.map(() => 0);
  for (const s of stages) {
    const level = stageLevelOf(s.stage);
    if (level !== null) totals[level]! += Math.max(0, (Date.parse(s.end) - Date.parse(s.start)) / 1000);
  }
  return totals;
}
