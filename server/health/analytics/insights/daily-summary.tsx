import type { Database } from "@/db";
import DailySummaryEmail from "@/components/emails/daily-summary";
import type { NotificationContent } from "@/server/account/notifications/sources";
import { addDays } from "../../local-date";
import { CONTRIBUTOR_INFO } from "../energy-score/labels";
import { formatDuration } from "../energy-score/format";
import { readDashboard } from "./dashboard";
import type { ScoreDayView } from "./schemas";

/** Contributors named in the summary: those that moved the score most, either way. */
const TOP_CONTRIBUTORS = 3;

function headlineOf(day: ScoreDayView): string {
  if (day.state === "calibrating") return `Calibrating: ${day.calibrationDaysLeft ?? "a few"} more days of data`;
  return `Energy score ${day.score} (${day.status})`;
}

function dayLabel(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

const band = (low: number, high: number, unit: string, round: (n: number) => number = Math.round) => `normal ${round(low)}–${round(high)} ${unit}`;

/** Sleep, HRV, resting HR and steps of the day, each beside its normal range when there is one. */
function keyMetrics(day: ScoreDayView): { label: string; value: string; note?: string }[] {
  const m = day.metrics;
  const out: { label: string; value: string; note?: string }[] = [];
  const sleep = m.sleep_asleep_seconds;
  if (sleep?.value != null) out.push({ label: "Sleep", value: formatDuration(sleep.value), note: sleep.baseline ? `normal ${formatDuration(sleep.baseline.low)}–${formatDuration(sleep.baseline.high)}` : undefined });
  const hrv = m.hrv_rmssd?.value != null ? m.hrv_rmssd : m.hrv_sdnn;
  if (hrv?.value != null) out.push({ label: "HRV", value: `${Math.round(hrv.value)} ms`, note: hrv.baseline ? band(hrv.baseline.low, hrv.baseline.high, "ms") : undefined });
  const rhr = m.resting_heart_rate;
  if (rhr?.value != null) out.push({ label: "Resting heart rate", value: `${Math.round(rhr.value)} bpm`, note: rhr.baseline ? band(rhr.baseline.low, rhr.baseline.high, "bpm") : undefined });
  const steps = m.steps;
  if (steps?.value != null) out.push({ label: "Steps", value: Math.round(steps.value).toLocaleString("en-US") });
  return out;
}

/**
 * The daily summary due at `now`: the newest stored energy score (today's, or yesterday's before
 * today's is computed) with its strongest contributors and key metrics. Null without a score of
 * those two days, or on a day without data.
 */
export async function dailySummaryNotification(db: Database, userId: string, now: Date): Promise<NotificationContent | null> {
  const { today, latest } = await readDashboard(db, userId, now);
  if (!latest || latest.localDate < addDays(today, -1) || latest.state === "no_data") return null;
  const top = [...latest.contributors]
    .filter((c) => c.value !== null && Math.round(c.points) !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, TOP_CONTRIBUTORS);
  const headline = headlineOf(latest);
  const metrics = keyMetrics(latest);
  const lead = top[0] ? `${CONTRIBUTOR_INFO[top[0].key].label}: ${top[0].explanation}` : metrics.map((x) => `${x.label} ${x.value}`).join(", ");
  return {
    kind: "daily-summary",
    dedupeKey: `daily-summary:${userId}:${today}`,
    subject: `${headline} · ${dayLabel(latest.localDate)}`,
    email: (links) => <DailySummaryEmail dayLabel={dayLabel(latest.localDate)} headline={headline} contributors={top.map((c) => c.explanation)} metrics={metrics} links={links} />,
    inApp: { title: headline, body: lead || "Your day at a glance.", href: "/dashboard" },
  };
}
