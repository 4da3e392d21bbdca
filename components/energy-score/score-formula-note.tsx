import { MAX_WEIGHT } from "@/server/health/analytics/energy-score/weights";

/** How the weights turn into a score, in words (the formula is in server/health/analytics/energy-score/formula.ts). */
export function ScoreFormulaNote() {
  return (
    <div className="rounded-md bg-zinc-50 p-4 text-sm text-zinc-700 dark:bg-zinc-800/50 dark:text-zinc-300">
      <p>
        A day at your normal scores 70. Each contributor moves the score up or down by up to its share of 30 points, reached at 2 standard deviations from your own
        normal. Weights are relative (0–{MAX_WEIGHT}): only how they compare matters, and a contributor without data that day is left out and the others share its weight.
        A weight of 0 leaves a contributor out.
      </p>
      <p className="mt-2">
        Peak is 85 and above, good 70–84, fair 55–69, low below 55. While your resting heart rate or temperature is clearly above normal, the score is held below
        peak whatever the weights.
      </p>
    </div>
  );
}
