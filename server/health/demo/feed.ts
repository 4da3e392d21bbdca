import type { Database } from "@/db";
import { env } from "../../env";
import type { Connection } from "../devices/connections";
import { buildDemoDeliveries, generateDemoDays, type DemoDay } from "./generator";
import { addDays } from "../local-date";
import { demoWebhookSecret } from "../providers/config";
import { userTimeZone } from "../../account/profile/service";

/** How the demo provider's webhooks reach BioSync: by default an HTTP POST to the real route. */
export type DemoTransport = (body: string, headers: Record<string, string>) => Promise<void>;

const httpTransport: DemoTransport = async (body, headers) => {
  const response = await fetch(new URL("/api/webhooks/demo", env().APP_URL), { method: "POST", body, headers });
  if (!response.ok) throw new Error(`The demo webhook was refused: ${response.status} ${await response.text()}`);
};

let transport: DemoTransport = httpTransport;

/** Tests without a running server deliver straight into `receiveWebhook`. */
export function setDemoTransport(next: DemoTransport | null): void {
  transport = next ?? httpTransport;
}

/** The simulated history starts this many days before the connection, so any backfill finds data. */
const HISTORY_DAYS = 400;
/** A backfill asks for its range a week at a time: keep the last simulation for a few minutes, not forever. */
const CACHE_MS = 5 * 60_000;
let cache: { key: string; days: DemoDay[]; timer: NodeJS.Timeout } | null = null;

/** The connection's whole simulated history up to today: deterministic per connection, memoized briefly. */
function simulatedHistory(connection: Connection, timeZone: string, today: string): DemoDay[] {
  const startDate = addDays(connection.createdAt.toISOString().slice(0, 10), -HISTORY_DAYS);
  const days = Math.round((Date.parse(today) - Date.parse(startDate)) / 86_400_000) + 1;
  const key = `${connection.id}|${startDate}|${days}|${timeZone}`;
  if (cache?.key === key) return cache.days;
  if (cache) clearTimeout(cache.timer);
  const generated = generateDemoDays({
    seed: connection.id,
    userRef: connection.userId,
    providerUserId: connection.externalUserId ?? `demo-${connection.userId}`,
    startDate,
    days,
    homeTimeZone: timeZone,
  });
  const timer = setTimeout(() => (cache = null), CACHE_MS);
  timer.unref();
  cache = { key, days: generated, timer };
  return generated;
}

/**
 * Delivers, as signed webhooks, every demo payload the provider would have sent in [start, end)
 * (never one from the future). Returns how many were delivered.
 */
export async function deliverDemoRange(db: Database, connection: Connection, range: { start: Date; end: Date }): Promise<number> {
  const timeZone = await userTimeZone(db, connection.userId);
  const now = new Date();
  const history = simulatedHistory(connection, timeZone, now.toISOString().slice(0, 10));
  const until = Math.min(range.end.getTime(), now.getTime());
  const deliveries = buildDemoDeliveries(history, { secret: demoWebhookSecret() }).filter(
    (d) => d.scheduledAt.getTime() >= range.start.getTime() && d.scheduledAt.getTime() < until,
  );
  for (const delivery of deliveries) await transport(delivery.body, { ...delivery.headers });
  return deliveries.length;
}
