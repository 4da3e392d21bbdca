import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The counters of rate-limiter-flexible's Postgres store (server/platform/rate-limits), created
 * here so migrations own it: the library is told the table exists and never creates it at run
 * time. Its queries insert positional values, so the columns keep the library's order:
 * `<rule>:<key>`, points used in the window, window end in epoch milliseconds.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: bigint("expire", { mode: "number" }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
