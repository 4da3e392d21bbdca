import { defineFunction, type AnyDefinedFunction } from "@/inngest/define";
import { installJobBackend } from "./backend";
import { localJobBackend } from "./backends";

/**
 * Job functions for the runner's tests, standing in for the real list: `installTestJobFunctions()`
 * at the top of a test file. `probe` records what the handlers did, keyed by the event's user id.
 */
export const probe = {
  calls: new Map<string, string[]>(),
  /** How many more times the "explode" step of `flakyFunction` throws, per user. */
  failuresLeft: new Map<string, number>(),
  /** Milliseconds `recordFunction` sleeps between its two steps, per user. */
  sleepMs: new Map<string, number>(),
  /** (start, end) of each `serialFunction` step execution, per user. */
  spans: [] as { userId: string; start: number; end: number }[],
  record(userId: string, what: string) {
    this.calls.set(userId, [...(this.calls.get(userId) ?? []), what]);
  },
  of(userId: string): string[] {
    return this.calls.get(userId) ?? [];
  },
};

export const recordFunction = defineFunction({ id: "test-record", event: "auth/verification-email.requested", retries: 1 }, async ({ event, step, attempt }) => {
  const { userId } = event.data;
  probe.record(userId, `handler@${attempt}`);
  const first = await step.run("first", () => {
    probe.record(userId, "first");
    return { at: "first" };
  });
  await step.sleep("nap", probe.sleepMs.get(userId) ?? 0);
  await step.run("second", () => probe.record(userId, "second"));
  return { first, userId };
});

export const flakyFunction = defineFunction({ id: "test-flaky", event: "auth/password-reset.requested", retries: 2 }, async ({ event, step }) => {
  const { userId } = event.data;
  await step.run("prepare", () => probe.record(userId, "prepare"));
  await step.run("explode", () => {
    probe.record(userId, "explode");
    const left = probe.failuresLeft.get(userId) ?? 0;
    if (left > 0) {
      probe.failuresLeft.set(userId, left - 1);
      throw new Error(`boom for ${userId}`);
    }
    return "ok";
  });
  return "done";
});

export const serialFunction = defineFunction(
  { id: "test-serial", event: "auth/email-change.requested", concurrencyKey: "event.data.userId" },
  async ({ event, step }) => {
    const { userId } = event.data;
    await step.run("work", async () => {
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 40));
      probe.spans.push({ userId, start, end: Date.now() });
    });
  },
);

/** Debounced per user with a short period, so a test can watch the period pass. */
export const DEBOUNCE_TEST_PERIOD_MS = 300;

export const debouncedFunction = defineFunction(
  {
    id: "test-debounced",
    event: "analytics/recompute.requested",
    concurrencyKey: "event.data.userId",
    debounce: { key: "event.data.userId", period: DEBOUNCE_TEST_PERIOD_MS },
  },
  async ({ event, step }) => {
    const { userId, reason } = event.data;
    await step.run("work", () => probe.record(userId, reason));
    return reason;
  },
);

export const testFunctions: AnyDefinedFunction[] = [recordFunction, flakyFunction, serialFunction, debouncedFunction];

/** Makes this process's job backend the in-process runner with the test functions only. */
export function installTestJobFunctions(): void {
  installJobBackend(localJobBackend(testFunctions.map((f) => f.local)));
}
