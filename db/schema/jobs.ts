import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Events accepted by the in-process job runner (the Inngest backend keeps its own). */
export const jobEvents = pgTable(
  "job_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The sender's event id: a second event with the same id is accepted but starts nothing. */
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_events_created_at_idx").on(t.createdAt)],
);

export const jobRunStatus = pgEnum("job_run_status", ["queued", "running", "completed", "failed", "cancelled"]);
export type JobRunStatus = (typeof jobRunStatus.enumValues)[number];

/** One execution of one function for one event, with its retry and lease state. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => jobEvents.id, { onDelete: "cascade" }),
    functionId: text("function_id").notNull(),
    status: jobRunStatus("status").notNull().default("queued"),
    /** Zero-based number of the current (or next) attempt, as Inngest's `ctx.attempt`. */
    attempt: integer("attempt").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    /** A queued run is not picked up before this time (backoff and step.sleep). */
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    /** Lease of the worker running it; after it passes another worker may take the run over. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    /** Runs of one function sharing this key run one at a time (e.g. per user). */
    concurrencyKey: text("concurrency_key"),
    output: jsonb("output"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("job_runs_event_function_idx").on(t.eventId, t.functionId),
    index("job_runs_due_idx").on(t.status, t.runAfter),
    index("job_runs_created_at_idx").on(t.createdAt, t.id),
    // The database itself guarantees one running run per function and key, even across app instances.
    uniqueIndex("job_runs_one_running_per_key_idx")
      .on(t.functionId, t.concurrencyKey)
      .where(sql`${t.status} = 'running' and ${t.concurrencyKey} is not null`),
  ],
);

/** Results of completed `step.run` / `step.sleep` / `step.sendEvent` calls, replayed on retries. */
export const jobSteps = pgTable(
  "job_steps",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

export type JobEvent = typeof jobEvents.$inferSelect;
export type JobRun = typeof jobRuns.$inferSelect;
export type JobStep = typeof jobSteps.$inferSelect;
