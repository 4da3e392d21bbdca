import type { NormalizedDailyTotal, NormalizedSample, NormalizedSleepSession, NormalizedWorkout } from "../../types";
import type { ImportTracker } from "./import-tracker";
import { DEFAULT_BATCH_SIZE, type ImportBatch } from "./types";

/** Gathers normalized items into batches of at most `maxItems`, ready to be yielded by a parser. */
export class BatchCollector {
  private current: ImportBatch;
  private size = 0;
  private ready: ImportBatch[] = [];

  constructor(
    private readonly tracker: ImportTracker,
    private readonly maxItems: number = DEFAULT_BATCH_SIZE,
    private accountId: string | null = null,
  ) {
    if (!Number.isInteger(maxItems) || maxItems < 1) throw new RangeError("batchSize must be a positive integer");
    this.current = this.fresh();
  }

  /** Items added from now on belong to this account; pending items of another account are cut off first. */
  setAccount(accountId: string | null): void {
    if (accountId === this.accountId) return;
    this.cut();
    this.accountId = accountId;
    this.current.accountId = accountId;
  }

  sample(item: NormalizedSample): void {
    this.current.samples.push(item);
    this.added();
  }

  sleepSession(item: NormalizedSleepSession): void {
    this.current.sleepSessions.push(item);
    this.added();
  }

  workout(item: NormalizedWorkout): void {
    this.current.workouts.push(item);
    this.added();
  }

  dailyTotal(item: NormalizedDailyTotal): void {
    this.current.dailyTotals.push(item);
    this.added();
  }

  /** Ends the current batch (if it holds anything) so the next `drain` returns it. */
  cut(): void {
    if (this.size === 0) return;
    this.ready.push(this.current);
    this.current = this.fresh();
    this.size = 0;
  }

  /** Batches completed so far; the caller yields them. */
  drain(): ImportBatch[] {
    if (this.ready.length === 0) return [];
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private added(): void {
    this.tracker.items += 1;
    this.size += 1;
    if (this.size >= this.maxItems) this.cut();
  }

  private fresh(): ImportBatch {
    return { samples: [], sleepSessions: [], workouts: [], dailyTotals: [], accountId: this.accountId };
  }
}
