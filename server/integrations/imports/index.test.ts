import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { collectRun } from "./collect";
import { DETECT_BYTES, detectImportKind, parseImport } from "./index";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/samples");
const APPLE = path.join(SAMPLES, "apple-health-export-simonw.xml");
const FITBIT = path.join(SAMPLES, "fitbit-dailyActivity-merged.csv");
const head = (file: string) => readFileSync(file).subarray(0, DETECT_BYTES);
const bytes = (text: string) => Buffer.from(text);

describe("detectImportKind", () => {
  it("recognizes the real samples and the known shapes", () => {
    expect(detectImportKind("export.xml", head(APPLE))).toBe("apple_xml");
    expect(detectImportKind("dailyActivity_merged.csv", head(FITBIT))).toBe("fitbit_daily_csv");
    expect(detectImportKind("export.zip", bytes("PK\u0003\u0004\u0014\u0000"))).toBe("apple_zip");
    expect(detectImportKind("anything.xml", bytes('\uFEFF<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n'))).toBe("apple_xml");
    expect(detectImportKind("export.xml", bytes('<?xml version="1.0"?>\n<!-- long DTD follows -->'))).toBe("apple_xml");
    expect(detectImportKind("physiological_cycles.csv", bytes("Cycle start time,Cycle end time,Cycle timezone,Recovery score %\n"))).toBe("whoop_cycles_csv");
  });

  it("says unknown for anything else", () => {
    expect(detectImportKind("route.gpx", bytes('<?xml version="1.0"?><gpx/>'))).toBe("unknown");
    expect(detectImportKind("sleep.csv", bytes("date,minutes\n2024-01-01,420\n"))).toBe("unknown");
    expect(detectImportKind("empty.csv", new Uint8Array())).toBe("unknown");
  });
});

describe("parseImport", () => {
  it("reads a file path or a stream with the same result, knowing the size of a path", async () => {
    const fromPath = parseImport("apple_xml", { path: APPLE });
    const fromStream = parseImport("apple_xml", createReadStream(APPLE));
    const [a, b] = await Promise.all([collectRun(fromPath), collectRun(fromStream)]);
    expect(a).toEqual(b);
    expect(fromPath.progress().totalBytes).toBe(readFileSync(APPLE).byteLength);
    expect(fromStream.progress().totalBytes).toBeNull();
  });

  it("dispatches CSV kinds and passes options through", async () => {
    const run = parseImport("fitbit_daily_csv", { path: FITBIT }, { accountIds: ["4057192912"], batchSize: 5 });
    const result = await collectRun(run);
    expect(result.dailyTotals).toHaveLength(3 * 4);
    expect(result.largestBatch).toBeLessThanOrEqual(5);
    expect(new Set(result.accountIds)).toEqual(new Set(["4057192912"]));
  });

  it("fails a mismatched kind with a 400, not a crash", async () => {
    const failure = await collectRun(parseImport("whoop_cycles_csv", { path: FITBIT })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).status).toBe(400);
  });
});
