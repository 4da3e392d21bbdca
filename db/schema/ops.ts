import { doublePrecision, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Request metrics the app records itself (server/platform/telemetry): one row per minute, route and
 * app instance, added to by that instance's periodic flush. Readers sum over instances and minutes;
 * `latency` is the fixed histogram of server/platform/telemetry/histogram.ts. No user data.
 */
export const requestMetrics = pgTable(
  "request_metrics",
  {
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    route: text("route").notNull(),
    /** The app process that counted these requests (random per process start). */
    instance: text("instance").notNull(),
    count: integer("count").notNull(),
    errors: integer("errors").notNull(),
    durationMsSum: doublePrecision("duration_ms_sum").notNull(),
    latency: integer("latency").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.route, t.instance] }), index("request_metrics_minute_idx").on(t.minute)],
);

export type RequestMetricsRow = typeof requestMetrics.$inferSelect;
