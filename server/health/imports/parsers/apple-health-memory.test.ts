import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const PROBE = path.resolve(process.cwd(), "server/health/imports/testing/apple-health-memory-probe.ts");
const ONE_GB = 1_000_000_000;
const MB = 1024 * 1024;

interface ProbeReport {
  peakRssBytes: number;
  seconds: number;
  megabytesPerSecond: number;
  expected: { bytes: number; samples: number; correlationRecords: number; sleepSessions: number; workouts: number; dailyTotals: number };
  found: { samples: number; sleepSessions: number; workouts: number; dailyTotals: number; largestBatch: number };
  progress: { bytesRead: number; errorCount: number };
  skipped: Record<string, number>;
}

describe("Apple Health import memory", () => {
  it(
    "parses a 1 GB export streamed from memory with peak RSS under 300 MB",
    async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", PROBE, String(ONE_GB)], {
        cwd: process.cwd(),
        timeout: 280_000,
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ProbeReport;
      console.info(
        `Apple export ${(report.expected.bytes / 1e9).toFixed(2)} GB in ${report.seconds.toFixed(1)} s ` +
          `(${report.megabytesPerSecond.toFixed(1)} MB/s incl. generation), peak RSS ${(report.peakRssBytes / MB).toFixed(0)} MiB`,
      );
      expect(report.expected.bytes).toBeGreaterThanOrEqual(ONE_GB);
      expect(report.progress).toMatchObject({ bytesRead: report.expected.bytes, errorCount: 0 });
      expect(report.found).toMatchObject({
        samples: report.expected.samples,
        sleepSessions: report.expected.sleepSessions,
        workouts: report.expected.workouts,
        dailyTotals: report.expected.dailyTotals,
      });
      expect(report.found.samples).toBeGreaterThan(2_000_000);
      expect(report.skipped).toEqual({ "record repeated inside Correlation": report.expected.correlationRecords });
      expect(report.found.largestBatch).toBeLessThanOrEqual(5_000);
      expect(report.peakRssBytes).toBeLessThan(300 * MB);
    },
    300_000,
  );
});
