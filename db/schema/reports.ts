import { date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeeklyFigures } from "@/server/health/reports/figures";
import { ownerColumn } from "./auth";

/**
 * One weekly report per user and ISO week (Monday to Sunday of the user's local days), frozen
 * when made: data that arrives later never changes `figures`, it only sets `late_note`.
 */
export const weeklyReports = pgTable(
  "weekly_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    /** The Monday of the ISO week (a local date). */
    weekStart: date("week_start").notNull(),
    figures: jsonb("figures").$type<WeeklyFigures>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** "Data that arrived after this report was made would change …", or null while nothing would. */
    lateNote: text("late_note"),
    /**
     * When the figures were last compared with a recompute's (null: not yet since made). The next
     * recompute compares again when this is null or a summary of the week or the week before was
     * rolled up after it.
     */
    lateCheckedAt: timestamp("late_checked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("weekly_reports_user_week_uq").on(t.userId, t.weekStart)],
);

export type WeeklyReport = typeof weeklyReports.$inferSelect;
