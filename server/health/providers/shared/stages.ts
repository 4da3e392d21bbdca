import type { SleepStage, SleepStageInterval } from "../../types";

export interface StagePoint {
  at: Date;
  stage: SleepStage;
}

/**
 * Turns stage change points (each stage lasts until the next point, the last until `end`) into
 * intervals, merging neighbours of the same stage and dropping empty or out-of-order ones.
 */
export function intervalsFromPoints(points: readonly StagePoint[], end: Date): SleepStageInterval[] {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: SleepStageInterval[] = [];
  sorted.forEach((point, i) => {
    const stop = sorted[i + 1]?.at ?? end;
    if (stop.getTime() <= point.at.getTime()) return;
    const last = out[out.length - 1];
    if (last && last.stage === point.stage && last.end.getTime() === point.at.getTime()) {
      last.end = stop;
    } else {
      out.push({ stage: point.stage, start: point.at, end: stop });
    }
  });
  return out;
}

/** Fixed-width epochs (Oura `sleep_phase_5_min`: one character per 5 minutes) into intervals. */
export function intervalsFromEpochs(codes: string, start: Date, epochSeconds: number, stageOf: (code: string) => SleepStage | null): SleepStageInterval[] {
  const points: StagePoint[] = [];
  for (let i = 0; i < codes.length; i++) {
    const stage = stageOf(codes.charAt(i));
    if (stage) points.push({ at: new Date(start.getTime() + i * epochSeconds * 1000), stage });
  }
  const end = new Date(start.getTime() + codes.length * epochSeconds * 1000);
  return intervalsFromPoints(points, end);
}
