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
const WHOOP_CYCLES_HEADER =
  "Cycle start time,Cycle end time,Cycle timezone,Recovery score %,Resting heart rate (bpm),Heart rate variability (ms),Skin temp (celsius),Blood oxygen %,Day Strain,Energy burned (cal),Max HR (bpm),Average HR (bpm),Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %";
const WHOOP_JOURNAL_HEADER = "Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes";
const WHOOP_JOURNAL_HEADER_ES = 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Texto de la pregunta,"Respondió ""Sí""",Notas';

describe("detectImportKind", () => {
  it("recognizes the real samples and the known shapes", () => {
    expect(detectImportKind("export.xml", head(APPLE))).toBe("apple_xml");
    expect(detectImportKind("dailyActivity_merged.csv", head(FITBIT))).toBe("fitbit_daily_csv");
    expect(detectImportKind("export.zip", bytes("PK\u0003\u0004\u0014\u0000"))).toBe("apple_zip");
    expect(detectImportKind("anything.xml", bytes('\uFEFF<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n'))).toBe("apple_xml");
    expect(detectImportKind("export.xml", bytes('<?xml version="1.0"?>\n<!-- long DTD follows -->'))).toBe("apple_xml");
    expect(detectImportKind("physiological_cycles.csv", bytes(`${WHOOP_CYCLES_HEADER}\n`))).toBe("whoop_cycles_csv");
    expect(detectImportKind("cycles.csv", bytes(`\uFEFF${WHOOP_CYCLES_HEADER.split(",").map((c) => `"${c}"`).join(",")}\r\n`))).toBe("whoop_cycles_csv");
    // The journal is recognized by its header (English or Spanish), whatever the file is called.
    expect(detectImportKind("journal_entries.csv", bytes(`${WHOOP_JOURNAL_HEADER}\n2024-03-09 23:10:00,2024-03-10 22:45:00,UTC-05:00,Caffeine?,true,\n`))).toBe("whoop_journal_csv");
    expect(detectImportKind("diario.csv", bytes(`\uFEFF${WHOOP_JOURNAL_HEADER_ES}\r\n`))).toBe("whoop_journal_csv");
  });

  it("says unknown for anything else", () => {
    expect(detectImportKind("route.gpx", bytes('<?xml version="1.0"?><gpx/>'))).toBe("unknown");
    expect(detectImportKind("sleep.csv", bytes("date,minutes\n2024-01-01,420\n"))).toBe("unknown");
    expect(detectImportKind("empty.csv", new Uint8Array())).toBe("unknown");
    // WHOOP's other exports share the three cycle columns: only the full cycles header counts.
    expect(detectImportKind("sleeps.csv", bytes("Cycle start time,Cycle end time,Cycle timezone,Sleep onset,Wake onset\n"))).toBe("unknown");
    expect(detectImportKind("physiological_cycles.csv", bytes("Cycle start time,Cycle end time,Cycle timezone,Recovery score %\n"))).toBe("unknown");
    expect(detectImportKind("activity.csv", bytes("Id,ActivityDate,TotalSteps\n1,4/12/2016,100\n"))).toBe("unknown");
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
