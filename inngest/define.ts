import { eventType, type InngestFunction, type StandardSchemaV1 } from "inngest";
import { getDb, type Database } from "@/db";
import { eventSchemas, type AppEvent, type EventData, type EventName } from "./events";
import { inngest } from "./client";

/** Durations accepted by `step.sleep`: milliseconds or an Inngest time string ("30s", "5m", "2h", "1d"). */
export type SleepDuration = number | `${number}${"s" | "m" | "h" | "d"}`;

/**
 * The step tools a function gets, the same on Inngest and on the in-process runner. Step results
 * are stored as JSON, so return plain JSON values (no Date, Map or class instances).
 */
export interface JobStepTools {
  /** Runs `fn` once per run: on a retry, a step that already succeeded returns its stored result. */
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  /** Pauses the run; it resumes (with earlier steps replayed from storage) after `duration`. */
  sleep(id: string, duration: SleepDuration): Promise<void>;
  /** Sends events from inside a function, exactly once per run. */
  sendEvent(id: string, events: AppEvent | AppEvent[]): Promise<void>;
}

export interface JobLogger {
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
}

export interface JobEventPayload<N extends EventName> {
  name: N;
  data: EventData<N>;
  id?: string;
}

export interface JobContext<N extends EventName> {
  event: JobEventPayload<N>;
  step: JobStepTools;
  db: Database;
  logger: JobLogger;
  /** Zero-based attempt number (0 on the first try). */
  attempt: number;
}

export type JobHandler<N extends EventName> = (ctx: JobContext<N>) => Promise<unknown>;

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;

export interface JobConfig<N extends EventName> {
  /** Stable id: renaming it orphans queued runs. */
  id: string;
  event: N;
  /** Retries after the first failed attempt (Inngest's default is 4). */
  retries?: Retries;
  /** An `event.data.<field>` expression: runs sharing its value run one at a time. */
  concurrencyKey?: `event.data.${string}`;
  /**
   * Waits `period` after an event before running; a newer event with the same key value replaces a
   * run that has not started yet and restarts the wait (the last event wins, as on Inngest).
   */
  debounce?: JobDebounce;
}

export interface JobDebounce {
  key: `event.data.${string}`;
  period: SleepDuration;
}

/** What the in-process runner needs to know about a function. */
export interface LocalFunction<N extends EventName = EventName> {
  id: string;
  event: N;
  retries: number;
  concurrencyKey?: string;
  debounce?: JobDebounce;
  handler: JobHandler<N>;
}

export interface DefinedFunction<N extends EventName = EventName> {
  local: LocalFunction<N>;
  inngest: InngestFunction.Any;
}

/** Any defined function, whatever its event (a union keeps each handler's event type intact). */
export type AnyDefinedFunction = { [N in EventName]: DefinedFunction<N> }[EventName];
export type AnyLocalFunction = { [N in EventName]: LocalFunction<N> }[EventName];

const DEFAULT_RETRIES = 4;

/** Defines a job function once; the same handler runs on Inngest and on the in-process runner. */
export function defineFunction<N extends EventName>(config: JobConfig<N>, handler: JobHandler<N>): DefinedFunction<N> {
  const retries = config.retries ?? DEFAULT_RETRIES;
  const schema: StandardSchemaV1<Record<string, unknown>> = eventSchemas[config.event];
  const trigger = eventType(config.event, { schema });
  const inngestFunction = inngest.createFunction(
    {
      id: config.id,
      triggers: [trigger],
      retries,
      ...(config.concurrencyKey ? { concurrency: { key: config.concurrencyKey, limit: 1 } } : {}),
      ...(config.debounce ? { debounce: { key: config.debounce.key, period: inngestTimeStr(config.debounce.period) } } : {}),
    },
    async (ctx) =>
      handler({
        event: { name: config.event, data: ctx.event.data as EventData<N>, id: ctx.event.id },
        step: inngestStepTools(ctx.step),
        db: await getDb(),
        logger: ctx.logger,
        attempt: ctx.attempt,
      }),
  );
  return {
    local: { id: config.id, event: config.event, retries, concurrencyKey: config.concurrencyKey, debounce: config.debounce, handler },
    inngest: inngestFunction as unknown as InngestFunction.Any,
  };
}

/** A duration as Inngest's configuration takes it: whole seconds at least 1 s (its smallest debounce period). */
export function inngestTimeStr(duration: SleepDuration): `${number}${"s" | "m" | "h" | "d"}` {
  return typeof duration === "number" ? `${Math.max(1, Math.ceil(duration / 1000))}s` : duration;
}

/** The subset of Inngest's step tools the adapter uses (kept structural so the types stay simple). */
interface InngestSteps {
  run(id: string, fn: () => unknown): Promise<unknown>;
  sleep(id: string, time: number | string): Promise<void>;
  sendEvent(id: string, payload: { name: string; data: Record<string, unknown>; id?: string }[]): Promise<unknown>;
}

function inngestStepTools(step: InngestSteps): JobStepTools {
  return {
    run: <T>(id: string, fn: () => Promise<T> | T) => step.run(id, fn) as Promise<T>,
    sleep: (id, duration) => step.sleep(id, duration),
    sendEvent: async (id, events) => {
      const list = Array.isArray(events) ? events : [events];
      const payload = list.map((e) => ({ name: e.name, data: validateEventData(e.name, e.data), ...(e.id ? { id: e.id } : {}) }));
      await step.sendEvent(id, payload);
    },
  };
}

/** Validates event data against the catalogue; throws the ZodError on bad data. */
export function validateEventData<N extends EventName>(name: N, data: unknown): EventData<N> {
  const schema = eventSchemas[name];
  if (!schema) throw new Error(`Unknown event "${String(name)}"`);
  return schema.parse(data) as EventData<N>;
}
