import type { Database } from "@/db";
import RecoveryAlertEmail from "@/components/emails/recovery-alert";
import { deliveredKeysSince } from "@/server/account/notifications/history";
import type { NotificationContent } from "@/server/account/notifications/sources";
import { timeZonesOf } from "@/server/account/profile/service";
import { addDays, localDate } from "../../local-date";
import { risksBetween } from "../insights/history";
import type { RiskView } from "../insights/schemas";
import { ACTIVE_WITHIN_DAYS } from "./evaluate";

/** How far back alerts are remembered: longer than any run of days a flag can span. */
const ALERT_MEMORY_DAYS = 60;

/** The flags active on `today` (their run ended today or in the days before that still count). */
export function activeRiskFlags(db: Database, userId: string, today: string): Promise<RiskView[]> {
  return risksBetween(db, userId, addDays(today, -ACTIVE_WITHIN_DAYS), today);
}

/**
 * A flag as one alert knows it: its kind and the first day of its run. A run that goes on is the same
 * flag (its stored row moves to the newest day at each recompute); a new run is a new flag.
 */
const identityOf = (flag: RiskView) => `${flag.kind}@${flag.evidence.days[0]?.date ?? flag.localDate}`;

const KEY_PREFIX = "recovery-alert:";

/**
 * The recovery alert due at `now`: one for the active flags raised since the last alert (every new
 * flag is alerted once; flags already alerted are mentioned as still active). Null when none is new.
 */
export async function recoveryAlertNotification(db: Database, userId: string, now: Date): Promise<NotificationContent | null> {
  const zone = (await timeZonesOf(db, [userId])).get(userId)!;
  const active = await activeRiskFlags(db, userId, localDate(now, null, zone));
  if (active.length === 0) return null;
  const alerted = new Set(
    (await deliveredKeysSince(db, userId, "recovery-alert", new Date(now.getTime() - ALERT_MEMORY_DAYS * 86_400_000))).flatMap((key) => key.slice(`${KEY_PREFIX}${userId}:`.length).split("+")),
  );
  const fresh = [...new Map(active.filter((f) => !alerted.has(identityOf(f))).map((f) => [identityOf(f), f])).values()];
  if (fresh.length === 0) return null;
  const stillActive = active.filter((f) => alerted.has(identityOf(f))).map((f) => f.title);
  const [first] = fresh;
  const title = fresh.length === 1 ? first!.title : `${first!.title} and ${fresh.length - 1} more`;
  return {
    kind: "recovery-alert",
    dedupeKey: `${KEY_PREFIX}${userId}:${fresh.map(identityOf).sort().join("+")}`,
    subject: `Recovery alert: ${title}`,
    email: (links) => <RecoveryAlertEmail flags={fresh.map((f) => ({ title: f.title, detail: f.detail, severity: f.severity }))} stillActive={stillActive} links={links} />,
    inApp: { title: `Recovery alert: ${title}`, body: first!.detail, href: "/insights" },
  };
}
