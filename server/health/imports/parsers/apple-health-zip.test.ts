import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { AppError } from "@/server/errors";
import { parseAppleHealthXml } from "./apple-health";
import { parseAppleHealthZip, parseAppleHealthZipStream } from "./apple-health-zip";
import { collectRun } from "./collect";
import { checkImport } from "./index";

const SAMPLE = path.resolve(process.cwd(), "../shared/data/samples/apple-health-export-simonw.xml");
let dir: string;

async function writeZip(name: string, entries: Record<string, Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [entryName, content] of Object.entries(entries)) zip.addBuffer(content, entryName);
  zip.end();
  const file = path.join(dir, name);
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "apple-zip-test-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("Apple Health export.zip", () => {
  it("streams apple_health_export/export.xml out of the zip and parses it like the bare file", async () => {
    const xml = readFileSync(SAMPLE);
    const zipPath = await writeZip("export.zip", {
      "apple_health_export/export_cda.xml": Buffer.from("<ClinicalDocument/>"),
      "apple_health_export/workout-routes/route_2016-11-14_7.30am.gpx": Buffer.from("<gpx/>"),
      "apple_health_export/export.xml": xml,
    });
    const run = parseAppleHealthZip(zipPath);
    const fromZip = await collectRun(run);
    const fromXml = await collectRun(parseAppleHealthXml(createReadStream(SAMPLE)));

    expect(fromZip.samples).toHaveLength(2);
    expect(fromZip.workouts).toHaveLength(1);
    expect(fromZip.dailyTotals).toHaveLength(4);
    expect(fromZip).toEqual(fromXml);
    expect(run.progress()).toMatchObject({ bytesRead: xml.byteLength, totalBytes: xml.byteLength, items: 7, errorCount: 0 });
  });

  it("accepts the zip as a stream by spooling it to a temporary file", async () => {
    const zipPath = await writeZip("streamed.zip", { "apple_health_export/export.xml": readFileSync(SAMPLE) });
    const result = await collectRun(parseAppleHealthZipStream(createReadStream(zipPath)));
    expect(result.samples.map((s) => s.metric)).toEqual(["bmi", "heart_rate"]);
  });

  it("checks the export.xml inside a zip for structure, from a path or a stream, before anything is parsed", async () => {
    const xml = readFileSync(SAMPLE);
    const sound = await writeZip("sound.zip", { "apple_health_export/export.xml": xml });
    const cutOff = await writeZip("cut.zip", { "apple_health_export/export.xml": xml.subarray(0, xml.indexOf("<Workout ")) });
    const seen: [number, number | null][] = [];
    await checkImport("apple_zip", { path: sound }, (bytesRead, totalBytes) => void seen.push([bytesRead, totalBytes]));
    expect(seen.at(-1)).toEqual([xml.byteLength, xml.byteLength]);
    for (const source of [{ path: cutOff }, createReadStream(cutOff)]) {
      const failure = await checkImport("apple_zip", source).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).message).toMatch(/^This export\.xml is broken at line \d+ \(unclosed tag: HealthData\)/);
    }
  });

  it("rejects a zip without export.xml and a file that is not a zip", async () => {
    const noExport = await writeZip("other.zip", { "photos/cat.jpg": Buffer.from("meow") });
    const notZip = path.join(dir, "fake.zip");
    await writeFile(notZip, "definitely not a zip");
    for (const file of [noExport, notZip]) {
      const failure = await collectRun(parseAppleHealthZip(file)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe("BAD_REQUEST");
    }
  });
});
