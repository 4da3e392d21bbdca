import type { Database } from "@/db";
import type { JobStepTools } from "@/inngest/define";
import { durationMs } from "./duration";
import { emit } from "./emit";
import { saveStep } from "./store";

/** Stored as the result of a `step.sleep`: the run may continue past it from this time on. */
interface SleepRecord {
  until: string;
}

export interface LocalSteps {
  tools: JobStepTools;
  /** Resolves with the wake-up time when the handler asks to sleep; never rejects. */
  sleepRequested: Promise<Date>;
}

/**
 * Durable step tools for one execution of a run. `stored` holds the results of steps completed
 * in earlier attempts; they are returned without running the step again. Like Inngest, a repeated
 * step id gets a ":n" suffix, and a sleep pauses the handler (its promise never settles) while the
 * runner reschedules the run.
 */
export function createLocalSteps(db: Database, runId: string, stored: Map<string, unknown>): LocalSteps {
  const seen = new Map<string, number>();
  const stepKey = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };

  let requestSleep: (until: Date) => void = () => {};
  const sleepRequested = new Promise<Date>((resolve) => {
    requestSleep = resolve;
  });
  const pause = () => new Promise<never>(() => {});

  async function runStep<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
    if (stored.has(key)) return stored.get(key) as T;
    const result = await fn();
    // Return what a replay would return: the JSON form (undefined becomes null, as on Inngest).
    const json: unknown = result === undefined ? null : JSON.parse(JSON.stringify(result));
    await saveStep(db, runId, key, json);
    stored.set(key, json);
    return json as T;
  }

  const tools: JobStepTools = {
    run: (id, fn) => runStep(stepKey(id), fn),
    async sleep(id, duration) {
      const key = stepKey(id);
      const record = stored.get(key) as SleepRecord | undefined;
      let until: Date;
      if (record) {
        until = new Date(record.until);
      } else {
        until = new Date(Date.now() + durationMs(duration));
        await saveStep(db, runId, key, { until: until.toISOString() } satisfies SleepRecord);
        stored.set(key, { until: until.toISOString() });
      }
      if (until.getTime() <= Date.now()) return;
      requestSleep(until);
      return pause();
    },
    async sendEvent(id, events) {
      const key = stepKey(id);
      const list = Array.isArray(events) ? events : [events];
      await runStep(key, async () => {
        // Derived ids make a re-sent step (after a crash before it was recorded) a no-op.
        for (const [index, event] of list.entries()) {
          await emit(db, event.name, event.data, { id: event.id ?? `${runId}:${key}:${index}` });
        }
        return null;
      });
    },
  };
  return { tools, sleepRequested };
}
