import { DEFAULT_MAX_ERRORS, type ImportBatch, type ImportProgress, type ImportRowError, type ImportRun } from "./types";

/** Running counters of one import: bytes, items, skips and row errors (kept up to a cap). */
export class ImportTracker {
  bytesRead = 0;
  items = 0;
  private skippedTotal = 0;
  private errorTotal = 0;
  private readonly skippedByReason: Record<string, number> = {};
  private readonly kept: ImportRowError[] = [];

  constructor(
    public totalBytes: number | null = null,
    private readonly maxErrors: number = DEFAULT_MAX_ERRORS,
  ) {}

  error(error: ImportRowError): void {
    this.errorTotal += 1;
    if (this.kept.length < this.maxErrors) this.kept.push(error);
  }

  skip(reason: string, count = 1): void {
    this.skippedTotal += count;
    this.skippedByReason[reason] = (this.skippedByReason[reason] ?? 0) + count;
  }

  progress(): ImportProgress {
    return {
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      items: this.items,
      skipped: this.skippedTotal,
      errorCount: this.errorTotal,
    };
  }

  /** In file order: a CSV parser reports broken rows ahead of the rows the consumer has reached. */
  errors(): readonly ImportRowError[] {
    return [...this.kept].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  skipped(): Readonly<Record<string, number>> {
    return { ...this.skippedByReason };
  }
}

/** Wraps a batch generator and the tracker it reports to into the public ImportRun shape. */
export function importRun(tracker: ImportTracker, batches: AsyncIterable<ImportBatch>): ImportRun {
  return {
    batches,
    progress: () => tracker.progress(),
    errors: () => tracker.errors(),
    skipped: () => tracker.skipped(),
  };
}
