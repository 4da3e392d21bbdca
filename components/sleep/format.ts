/* Words for the sleep page's figures (pure). */

/** How steady the night's midpoint has been (SD in minutes over two weeks). */
export function regularityWord(sdMinutes: number): string {
  if (sdMinutes < 30) return "Very consistent";
  if (sdMinutes < 45) return "Consistent";
  if (sdMinutes < 60) return "Somewhat irregular";
  return "Irregular";
}

/** Efficiency read against the common 85 % mark of good sleep. */
export function efficiencyTone(efficiency: number): "good" | "warn" {
  return efficiency >= 0.85 ? "good" : "warn";
}

/** Time asleep against the need: "38 min short of your 8 h need" / "meets your 8 h need". */
export function againstNeed(asleepSeconds: number, needSeconds: number, formatDuration: (s: number) => string): string {
  const need = formatDuration(needSeconds);
  const short = needSeconds - asleepSeconds;
  return short > 300 ? `${formatDuration(short)} short of your ${need} need` : `meets your ${need} need`;
}
