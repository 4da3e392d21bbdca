import { NonRetriableError } from "inngest";
import type { Database } from "@/db";
import type { AnyLocalFunction, JobHandler } from "@/inngest/define";
import type { EventName } from "@/inngest/events";
import { redactedErrorText } from "../../error-redaction";
import { logger } from "../../logger";
import { retryDelayMs, type BackoffOptions } from "./backoff";
import { createLocalSteps } from "./steps";
import { completeRun, extendLease, failRun, loadSteps, retryRunLater, sleepRun, type ClaimedRun } from "./store";

export type RunOutcome = "completed" | "retrying" | "failed" | "sleeping";

export interface ExecuteOptions {
  workerId: string;
  leaseMs: number;
  backoff: BackoffOptions;
}

const MAX_ERROR_LENGTH = 8_000;

/** Runs one claimed run to its next resting point and records the outcome. */
export async function executeRun(db: Database, run: ClaimedRun, fn: AnyLocalFunction, options: ExecuteOptions): Promise<RunOutcome> {
  const { workerId, leaseMs } = options;
  const log = logger.child({ job: fn.id, runId: run.id, attempt: run.attempt });

  if (run.attempt >= run.maxAttempts) {
    // Reclaimed after its worker died on the last allowed attempt.
    await failRun(db, run.id, workerId, run.lastError ?? "No attempts left.");
    log.error({ error: run.lastError }, "job run failed: no attempts left");
    return "failed";
  }

  const heartbeat = setInterval(() => {
    extendLease(db, run.id, workerId, leaseMs)
      .then((kept) => kept || log.warn("job run lease lost to another worker"))
      .catch((error: unknown) => log.warn({ err: error }, "could not extend job run lease"));
  }, Math.max(10, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  try {
    const steps = createLocalSteps(db, run.id, await loadSteps(db, run.id));
    const handler = fn.handler as JobHandler<EventName>;
    const result = await Promise.race([
      handler({
        event: { name: run.event.name as EventName, data: run.event.data as never, id: run.event.idempotencyKey ?? run.event.id },
        step: steps.tools,
        db,
        logger: log,
        attempt: run.attempt,
      }).then((output) => ({ kind: "done" as const, output })),
      steps.sleepRequested.then((until) => ({ kind: "sleep" as const, until })),
    ]);
    if (result.kind === "sleep") {
      await sleepRun(db, run.id, workerId, result.until);
      log.debug({ until: result.until }, "job run sleeping");
      return "sleeping";
    }
    await completeRun(db, run.id, workerId, toJson(result.output));
    log.info("job run completed");
    return "completed";
  } catch (error) {
    const message = describeFailure(error);
    const retriesLeft = run.attempt + 1 < run.maxAttempts && !(error instanceof NonRetriableError);
    if (retriesLeft) {
      const delay = retryDelayMs(run.attempt + 1, options.backoff);
      await retryRunLater(db, run.id, workerId, message, delay);
      log.warn({ err: error, retryInMs: delay }, "job run attempt failed; will retry");
      return "retrying";
    }
    await failRun(db, run.id, workerId, message);
    log.error({ err: error }, "job run failed");
    return "failed";
  } finally {
    clearInterval(heartbeat);
  }
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** What a failed run stores for admins to read: the stack and causes, without query parameters. */
export function describeFailure(error: unknown): string {
  const text = redactedErrorText(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
