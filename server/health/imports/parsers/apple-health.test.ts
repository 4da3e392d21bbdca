import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { KCAL_TO_KJ } from "../../types";
import { parseAppleHealthXml } from "./apple-health";
import { checkAppleHealthXml } from "./apple-health-check";
import { collectRun } from "./collect";

const SAMPLE = path.resolve(process.cwd(), "../shared/data/samples/apple-health-export-simonw.xml");
const WATCH = `sourceName="Apple Watch" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:9.1&gt;"`;

function exportXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2024-03-12 08:00:00 -0700"/>
${body}
</HealthData>
`;
}

function record(type: string, unit: string, value: string | number, start: string, end = start, source = WATCH): string {
  return ` <Record type="HKQuantityTypeIdentifier${type}" ${source} unit="${unit}" creationDate="${end}" startDate="${start}" endDate="${end}" value="${value}"/>\n`;
}

function sleep(source: string, stage: string, start: string, end: string): string {
  return ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="${source}" creationDate="${end}" startDate="${start}" endDate="${end}" value="${stage}"/>\n`;
}

/** Feeds the text in chunks of `size` bytes, so chunk borders fall inside tags and UTF-8 sequences. */
async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const parse = (xml: string, options = {}) => parseAppleHealthXml(chunked(xml, 4096), options);

describe("Apple Health export.xml", () => {
  it("imports the real sample export with its values, offsets and workout metadata", async () => {
    const run = parseAppleHealthXml(createReadStream(SAMPLE), { totalBytes: statSync(SAMPLE).size });
    const result = await collectRun(run);

    // grep -c: 2 <Record>, 1 <Workout>, 2 <ActivitySummary> (each gives active energy and exercise time).
    expect(result.samples).toHaveLength(2);
    expect(result.workouts).toHaveLength(1);
    expect(result.dailyTotals).toHaveLength(4);
    expect(result.sleepSessions).toHaveLength(0);
    expect(run.errors()).toEqual([]);
    expect(run.progress()).toMatchObject({ bytesRead: statSync(SAMPLE).size, totalBytes: statSync(SAMPLE).size, items: 7, errorCount: 0 });

    const [bmi, heartRate] = result.samples;
    expect(bmi).toMatchObject({ metric: "bmi", value: 22.5312, device: "Health Mate", utcOffsetMinutes: -420, source: "apple_health" });
    expect(bmi?.start.toISOString()).toBe("2016-04-18T15:25:32.000Z");
    expect(heartRate).toMatchObject({ metric: "heart_rate", value: 72, device: "Apple Watch (Watch2,4)", utcOffsetMinutes: -420 });
    expect(heartRate?.start.toISOString()).toBe("2018-09-10T09:28:55.000Z");
    expect(heartRate?.end).toEqual(heartRate?.start);

    const [run1] = result.workouts;
    expect(run1).toMatchObject({ activityType: "running", utcOffsetMinutes: -420, timeZone: "America/Los_Angeles", device: "Apple Watch", events: [] });
    expect(run1?.start.toISOString()).toBe("2016-11-14T14:25:41.000Z");
    expect(run1?.end.toISOString()).toBe("2016-11-14T14:30:52.000Z");
    expect(run1?.distanceM).toBeCloseTo(0.4971749504535062 * 1609.344, 6);
    expect(run1?.energyKJ).toBeCloseTo(48.745 * KCAL_TO_KJ, 6);
    expect(run1?.metadata).toEqual({ HKTimeZone: "America/Los_Angeles", HKWeatherTemperature: "56 degF", HKWeatherHumidity: "96 %" });

    const totals = Object.fromEntries(result.dailyTotals.map((t) => [`${t.localDate}:${t.metric}`, t.value]));
    expect(totals["2016-11-15:active_energy"]).toBeCloseTo(590.252 * KCAL_TO_KJ, 6);
    expect(totals["2016-11-15:active_duration"]).toBe(68 * 60);
    expect(totals["2016-11-16:active_energy"]).toBeCloseTo(323.513 * KCAL_TO_KJ, 6);
    expect(totals["2016-11-16:active_duration"]).toBe(39 * 60);
  });

  it("counts records inside a Correlation once (they are repeated at top level)", async () => {
    const at = "2024-03-10 08:15:00 -0700";
    const phone = `sourceName="Lose It!"`;
    const xml = exportXml(`
 <Correlation type="HKCorrelationTypeIdentifierBloodPressure" ${phone} creationDate="${at}" startDate="${at}" endDate="${at}">
  ${record("BloodPressureSystolic", "mmHg", 121, at, at, phone)}  ${record("BloodPressureDiastolic", "mmHg", 79, at, at, phone)}
 </Correlation>
 <Correlation type="HKCorrelationTypeIdentifierFood" ${phone} creationDate="${at}" startDate="${at}" endDate="${at}">
  <MetadataEntry key="HKFoodType" value="Porridge"/>
  ${record("DietaryEnergyConsumed", "kcal", 320, at, at, phone)}  ${record("DietaryProtein", "g", 11, at, at, phone)}
 </Correlation>
${record("BloodPressureSystolic", "mmHg", 121, at, at, phone)}${record("BloodPressureDiastolic", "mmHg", 79, at, at, phone)}${record("DietaryEnergyConsumed", "kcal", 320, at, at, phone)}${record("DietaryProtein", "g", 11, at, at, phone)}`);
    const run = parse(xml);
    const { samples } = await collectRun(run);
    expect(samples.map((s) => [s.metric, s.value])).toEqual([
      ["energy_intake", 320 * KCAL_TO_KJ],
      ["protein", 11],
    ]);
    expect(run.skipped()).toEqual({
      "record repeated inside Correlation": 4,
      HKQuantityTypeIdentifierBloodPressureSystolic: 1,
      HKQuantityTypeIdentifierBloodPressureDiastolic: 1,
    });
    expect(run.errors()).toEqual([]);
  });

  it("converts every mapped quantity type to its SI unit", async () => {
    const at = "2024-03-10 09:00:00 +0100";
    const cases: [type: string, unit: string, value: number, metric: string, expected: number][] = [
      ["HeartRate", "count/min", 61, "heart_rate", 61],
      ["RestingHeartRate", "count/min", 52, "resting_heart_rate", 52],
      ["HeartRateVariabilitySDNN", "ms", 48.5, "hrv_sdnn", 48.5],
      ["StepCount", "count", 1200, "steps", 1200],
      ["DistanceWalkingRunning", "km", 1.2, "distance", 1200],
      ["DistanceWalkingRunning", "mi", 1, "distance", 1609.344],
      ["DistanceWalkingRunning", "m", 35, "distance", 35],
      ["ActiveEnergyBurned", "kcal", 10, "active_energy", 41.84],
      ["ActiveEnergyBurned", "kJ", 100, "active_energy", 100],
      ["BasalEnergyBurned", "Cal", 50, "basal_energy", 209.2],
      ["FlightsClimbed", "count", 3, "floors", 3],
      ["OxygenSaturation", "%", 0.97, "spo2", 0.97],
      ["OxygenSaturation", "%", 96, "spo2", 0.96],
      ["RespiratoryRate", "count/min", 14.5, "respiratory_rate", 14.5],
      ["BodyMass", "kg", 70.2, "weight", 70.2],
      ["BodyMass", "lb", 154, "weight", 154 * 0.45359237],
      ["BodyFatPercentage", "%", 0.215, "body_fat", 0.215],
      ["BodyMassIndex", "count", 22.9, "bmi", 22.9],
      ["Height", "cm", 178, "height", 1.78],
      ["Height", "m", 1.8, "height", 1.8],
      ["Height", "ft", 6, "height", 1.8288],
      ["Height", "in", 70, "height", 1.778],
      ["BodyTemperature", "degF", 98.6, "body_temperature", 37],
      ["BodyTemperature", "degC", 36.8, "body_temperature", 36.8],
      ["AppleSleepingWristTemperature", "degC", 35.1, "skin_temperature", 35.1],
      ["DietaryEnergyConsumed", "kcal", 500, "energy_intake", 2092],
      ["DietaryProtein", "g", 30, "protein", 30],
      ["DietaryCarbohydrates", "g", 60, "carbohydrates", 60],
      ["DietaryFatTotal", "g", 20, "fat", 20],
      ["DietaryWater", "mL", 250, "water", 0.25],
      ["VO2Max", "mL/min·kg", 44.1, "vo2max", 44.1],
    ];
    const run = parse(exportXml(cases.map(([type, unit, value]) => record(type, unit, value, at)).join("")));
    const { samples } = await collectRun(run);
    expect(run.errors()).toEqual([]);
    expect(samples).toHaveLength(cases.length);
    cases.forEach(([, , , metric, expected], i) => {
      expect(samples[i]?.metric).toBe(metric);
      expect(samples[i]?.value).toBeCloseTo(expected, 6);
      expect(samples[i]?.utcOffsetMinutes).toBe(60);
    });
  });

  it("groups sleep per app into sessions, keeps overlapping apps apart and totals the stages", async () => {
    const d = (time: string, day = "11") => `2024-03-${day} ${time} -0700`;
    const watch = "Apple Watch";
    const xml = exportXml(
      [
        // Out of order on purpose: exports are not sorted across apps.
        sleep(watch, "HKCategoryValueSleepAnalysisAsleepCore", d("04:10:00"), d("06:55:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisInBed", d("23:00:00", "10"), d("07:00:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisAsleepCore", d("23:10:00", "10"), d("01:00:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisAsleepDeep", d("01:00:00"), d("02:30:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisAsleepREM", d("02:30:00"), d("04:00:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisAwake", d("04:00:00"), d("04:10:00")),
        sleep(watch, "HKCategoryValueSleepAnalysisAwake", d("04:00:00"), d("04:10:00")),
        sleep("Pillow", "HKCategoryValueSleepAnalysisAsleepUnspecified", d("23:20:00", "10"), d("06:40:00")),
        sleep("Pillow", "HKCategoryValueSleepAnalysisInBed", d("23:05:00", "10"), d("06:50:00")),
        // A nap the same afternoon, more than an hour after the night: a session of its own.
        sleep(watch, "HKCategoryValueSleepAnalysisAsleepCore", d("14:00:00"), d("14:40:00")),
        // Older exports: numeric values (1 = asleep), intervals 50 minutes apart still form one night.
        sleep("AutoSleep", "1", d("22:00:00", "11"), d("02:00:00", "12")),
        sleep("AutoSleep", "1", d("02:50:00", "12"), d("06:00:00", "12")),
      ].join(""),
    );
    const run = parse(xml);
    const { sleepSessions } = await collectRun(run);
    expect(run.errors()).toEqual([]);
    const bySource = (device: string) => sleepSessions.filter((s) => s.device === device);
    expect(sleepSessions).toHaveLength(4);

    const [night, nap] = bySource(watch);
    expect(night?.start.toISOString()).toBe("2024-03-11T06:00:00.000Z");
    expect(night?.end.toISOString()).toBe("2024-03-11T14:00:00.000Z");
    expect(night).toMatchObject({
      source: "apple_health",
      utcOffsetMinutes: -420,
      isNap: false,
      totals: { inBedSeconds: 8 * 3600, asleepSeconds: 27_300, awakeSeconds: 600, lightSeconds: 16_500, deepSeconds: 5400, remSeconds: 5400 },
    });
    expect(night?.stages).toHaveLength(6);
    expect(night?.stages.map((s) => s.stage)).toEqual(["in_bed", "light", "deep", "rem", "awake", "light"]);
    expect(night?.efficiency).toBeCloseTo(27_300 / 28_800, 9);
    expect(nap).toMatchObject({ isNap: true, totals: { asleepSeconds: 2400 } });

    const [pillow] = bySource("Pillow");
    expect(pillow).toMatchObject({ totals: { inBedSeconds: 7 * 3600 + 45 * 60, asleepSeconds: 7 * 3600 + 20 * 60, lightSeconds: null } });

    const [autoSleep] = bySource("AutoSleep");
    expect(autoSleep?.start.toISOString()).toBe("2024-03-12T05:00:00.000Z");
    expect(autoSleep?.end.toISOString()).toBe("2024-03-12T13:00:00.000Z");
    expect(autoSleep).toMatchObject({ totals: { asleepSeconds: 7 * 3600 + 10 * 60 }, efficiency: null });
    expect(new Set(sleepSessions.map((s) => s.sourceRecordId)).size).toBe(4);
  });

  it("reads workouts with events, statistics and metadata, and reports a broken one without losing the rest", async () => {
    const xml = exportXml(`
 <Workout workoutActivityType="HKWorkoutActivityTypeHighIntensityIntervalTraining" duration="30" durationUnit="min" ${WATCH} creationDate="2024-03-10 07:31:00 +0200" startDate="2024-03-10 07:00:00 +0200" endDate="2024-03-10 07:31:00 +0200">
  <MetadataEntry key="HKIndoorWorkout" value="1"/>
  <MetadataEntry key="HKTimeZone" value="Europe/Helsinki"/>
  <WorkoutEvent type="HKWorkoutEventTypeLap" date="2024-03-10 07:05:00 +0200" duration="5" durationUnit="min"/>
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2024-03-10 07:10:00 +0200" duration="0" durationUnit="min"/>
  <WorkoutEvent type="HKWorkoutEventTypeResume" date="2024-03-10 07:11:00 +0200" duration="0" durationUnit="min"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="2024-03-10 07:00:00 +0200" endDate="2024-03-10 07:31:00 +0200" sum="310" unit="kcal"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="2024-03-10 07:00:00 +0200" endDate="2024-03-10 07:31:00 +0200" sum="2.5" unit="km"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="2024-03-10 07:00:00 +0200" endDate="2024-03-10 07:31:00 +0200" average="148" minimum="90" maximum="181" unit="count/min"/>
  <WorkoutRoute sourceName="iPhone" creationDate="2024-03-10 07:31:00 +0200" startDate="2024-03-10 07:00:00 +0200" endDate="2024-03-10 07:31:00 +0200">
   <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>
   <FileReference path="/workout-routes/route_2024-03-10_7.31am.gpx"/>
  </WorkoutRoute>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeCycling" ${WATCH} startDate="yesterday" endDate="2024-03-10 09:00:00 +0200">
  <MetadataEntry key="HKIndoorWorkout" value="0"/>
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2024-03-10 08:30:00 +0200"/>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeWalking" sourceName="iPhone" totalDistance="1500" totalDistanceUnit="m" totalEnergyBurned="400" totalEnergyBurnedUnit="kJ" startDate="2024-03-10 18:00:00 +0200" endDate="2024-03-10 18:20:00 +0200"/>`);
    const run = parse(xml);
    const { workouts } = await collectRun(run);
    expect(workouts).toHaveLength(2);
    const [hiit, walk] = workouts;
    expect(hiit).toMatchObject({
      activityType: "high_intensity_interval_training",
      device: "Apple Watch (Watch6,2)",
      utcOffsetMinutes: 120,
      timeZone: "Europe/Helsinki",
      distanceM: 2500,
      avgHeartRate: 148,
      maxHeartRate: 181,
      metadata: { HKIndoorWorkout: "1", HKTimeZone: "Europe/Helsinki" },
    });
    expect(hiit?.energyKJ).toBeCloseTo(310 * KCAL_TO_KJ, 9);
    expect(hiit?.start.toISOString()).toBe("2024-03-10T05:00:00.000Z");
    expect(hiit?.events).toEqual([
      { type: "lap", at: new Date("2024-03-10T05:05:00Z"), durationSeconds: 300 },
      { type: "pause", at: new Date("2024-03-10T05:10:00Z"), durationSeconds: 0 },
      { type: "resume", at: new Date("2024-03-10T05:11:00Z"), durationSeconds: 0 },
    ]);
    expect(walk).toMatchObject({ activityType: "walking", distanceM: 1500, energyKJ: 400, metadata: {}, events: [], timeZone: null });
    expect(run.errors()).toEqual([{ line: expect.any(Number), recordType: "HKWorkoutActivityTypeCycling", message: expect.stringContaining("invalid startDate") }]);
  });

  it("lists malformed rows with their line and imports everything else", async () => {
    const at = "2024-03-10 08:00:00 -0500";
    const xml = exportXml(
      [
        record("HeartRate", "count/min", 60, at),
        record("HeartRate", "count/min", 61, "2024-02-30 08:00:00 -0500"),
        record("HeartRate", "count/min", "fast", at),
        record("BodyMass", "furlongs", 3, at),
        sleep("Apple Watch", "HKCategoryValueSleepAnalysisDreaming", at, at),
        record("HeartRate", "count/min", 62, at, "2024-03-10 07:00:00 -0500"),
        ` <Record type="HKQuantityTypeIdentifierStepCount" unit="count" startDate="${at}" endDate="${at}" value="12" <oops/>\n`,
        record("NumberOfTimesFallen", "count", 1, at),
        ` <ActivitySummary dateComponents="2024-3-10" activeEnergyBurned="1" activeEnergyBurnedUnit="kcal"/>\n`,
        ` <ActivitySummary dateComponents="2024-03-09" activeEnergyBurned="0" appleExerciseTime="0" appleStandHours="0"/>\n`,
        record("HeartRate", "count/min", 63, at),
      ].join(""),
    );
    const run = parse(xml);
    const { samples, dailyTotals } = await collectRun(run);
    // saxes recovers from the stray `<oops/>`: the StepCount's own attributes are whole, so it counts (and an XML error is listed).
    expect(samples.map((s) => s.value)).toEqual([60, 12, 63]);
    expect(dailyTotals).toEqual([]);
    const errors = run.errors();
    const messages = errors.map((e) => `${e.recordType}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HKQuantityTypeIdentifierHeartRate: invalid startDate\/endDate "2024-02-30/),
        'HKQuantityTypeIdentifierHeartRate: value "fast" is not a number',
        'HKQuantityTypeIdentifierBodyMass: unsupported unit "furlongs"',
        'HKCategoryTypeIdentifierSleepAnalysis: unknown sleep value "HKCategoryValueSleepAnalysisDreaming"',
        expect.stringMatching(/^xml: /),
        "ActivitySummary: invalid dateComponents \"2024-3-10\"",
      ]),
    );
    // The end-before-start heart rate is an error too; the broken StepCount tag yields XML errors.
    expect(messages.filter((m) => m.startsWith("HKQuantityTypeIdentifierHeartRate"))).toHaveLength(3);
    const firstLine = xml.split("\n").findIndex((line) => line.includes("2024-02-30")) + 1;
    expect(errors.find((e) => e.message.includes("2024-02-30"))?.line).toBe(firstLine);
    expect(run.skipped()).toMatchObject({ HKQuantityTypeIdentifierNumberOfTimesFallen: 1, "ActivitySummary without activity": 1 });
    expect(run.progress().errorCount).toBe(errors.length);
  });

  it("gives identical ids when the same file is parsed twice, whatever the chunking", async () => {
    const at = "2024-03-10 08:00:00 -0700";
    const xml = exportXml(
      record("HeartRate", "count/min", 60, at, at, `sourceName="Ada’s Apple Watch"`) +
        record("HeartRate", "count/min", 60, "2024-03-10 08:01:00 -0700") +
        record("StepCount", "count", 60, at, "2024-03-10 08:10:00 -0700") +
        sleep("Ada’s Apple Watch", "HKCategoryValueSleepAnalysisAsleepCore", "2024-03-10 01:00:00 -0700", "2024-03-10 05:00:00 -0700") +
        ` <Workout workoutActivityType="HKWorkoutActivityTypeYoga" sourceName="Ada’s Apple Watch" startDate="${at}" endDate="2024-03-10 09:00:00 -0700"/>\n` +
        ` <ActivitySummary dateComponents="2024-03-10" activeEnergyBurned="300" activeEnergyBurnedUnit="kcal" appleExerciseTime="20" appleStandHours="8"/>\n`,
    );
    const ids = async (chunkSize: number) => {
      const result = await collectRun(parseAppleHealthXml(chunked(xml, chunkSize)));
      return [...result.samples, ...result.sleepSessions, ...result.workouts, ...result.dailyTotals].map((item) => item.sourceRecordId);
    };
    const first = await ids(4096);
    expect(first).toHaveLength(7);
    expect(new Set(first).size).toBe(7);
    expect(await ids(4096)).toEqual(first);
    expect(await ids(7)).toEqual(first);
    const devices = (await collectRun(parseAppleHealthXml(chunked(xml, 3)))).samples.map((s) => s.device);
    expect(devices[0]).toBe("Ada’s Apple Watch");
  });

  it("keeps identical servings logged at the same time apart, with the same ids on every import", async () => {
    const at = "2024-03-10 00:00:00 +0100";
    const food = `sourceName="Lose It!"`;
    const banana = record("DietaryEnergyConsumed", "kcal", 105, at, at, food);
    const xml = exportXml(banana + banana + record("DietaryProtein", "g", 1.3, at, at, food) + banana + record("HeartRate", "count/min", 60, "2024-03-10 00:05:00 +0100"));
    const parsed = async () => (await collectRun(parse(xml))).samples;
    const samples = await parsed();
    const energy = samples.filter((s) => s.metric === "energy_intake");
    expect(energy.map((s) => s.occurrence)).toEqual([0, 1, 2]);
    expect(energy.reduce((sum, s) => sum + s.value, 0)).toBeCloseTo(3 * 105 * KCAL_TO_KJ, 6);
    expect(new Set(samples.map((s) => s.sourceRecordId)).size).toBe(samples.length);
    expect(samples.find((s) => s.metric === "protein")?.occurrence).toBe(0);
    expect((await parsed()).map((s) => s.sourceRecordId)).toEqual(samples.map((s) => s.sourceRecordId));
    // A lone record keeps the id it had before occurrences were counted.
    const single = (await collectRun(parse(exportXml(banana)))).samples;
    expect(single[0]?.sourceRecordId).toBe(energy[0]?.sourceRecordId);
  });

  it("dates the sleeping wrist temperature, a value of the whole night, on the wake-up day", async () => {
    const xml = exportXml(record("AppleSleepingWristTemperature", "degC", 35.2, "2024-03-09 23:40:00 -0700", "2024-03-10 06:50:00 -0700"));
    const [temperature] = (await collectRun(parse(xml))).samples;
    expect(temperature?.start.toISOString()).toBe("2024-03-10T13:50:00.000Z");
    expect(temperature?.end.toISOString()).toBe("2024-03-10T13:50:00.000Z");
    expect(temperature?.utcOffsetMinutes).toBe(-420);
  });

  it("hands out batches no larger than batchSize and tracks progress", async () => {
    const at = "2024-03-10 08:00:00 -0700";
    const xml = exportXml(Array.from({ length: 10 }, (_, i) => record("HeartRate", "count/min", 60 + i, at)).join(""));
    const run = parse(xml, { batchSize: 3, totalBytes: Buffer.byteLength(xml) });
    const result = await collectRun(run);
    expect(result.samples).toHaveLength(10);
    expect(result.batchCount).toBe(4);
    expect(result.largestBatch).toBe(3);
    expect(run.progress()).toEqual({ bytesRead: Buffer.byteLength(xml), totalBytes: Buffer.byteLength(xml), items: 10, skipped: 0, errorCount: 0 });
  });

  it("fails a file cut off halfway or holding two roots instead of ending with what came before the break", async () => {
    const whole = exportXml(record("HeartRate", "count/min", 60, "2024-03-10 08:00:00 -0700") + record("HeartRate", "count/min", 61, "2024-03-10 08:01:00 -0700"));
    const broken: [xml: string, problem: string][] = [
      [whole.slice(0, whole.indexOf("</HealthData>")), "unclosed tag: HealthData"],
      [whole.slice(0, whole.lastIndexOf("value=") + 8), "unclosed tag: HealthData"],
      [`${whole}<HealthData locale="en_US"></HealthData>\n`, "documents may contain only one root"],
      [whole.replace("</HealthData>", "</Workout></HealthData>"), "unmatched closing tag: Workout"],
    ];
    for (const [xml, problem] of broken) {
      const failure = await collectRun(parse(xml)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).message).toContain(problem);
      await expect(checkAppleHealthXml(chunked(xml, 7))).rejects.toThrow(problem);
    }
    await expect(checkAppleHealthXml(chunked(whole, 7))).resolves.toBeUndefined();
  });

  it("keeps reading past the quirks of real exports: iOS 16's malformed DTD, a vertical tab, attribute names with spaces", async () => {
    const ios16 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|VisionPrescription)*)>
<!ATTLIST VisionPrescription
  type             CDATA #REQUIRED
  brand            CDATA #IMPLIED
<!ELEMENT RightEye EMPTY>
]>
<HealthData locale="en_US">
${record("HeartRate", "count/min", 60, "2024-03-10 08:00:00 -0700", "2024-03-10 08:00:00 -0700", 'sourceName="Ada\u000bs Watch"')}${record("BodyMass", "kg", 70, "2015-06-16 07:18:20 -0700", "2015-06-16 07:18:20 -0700", 'sourceName="Withings" Health Mate App Version="2.6.0"')}</HealthData>
`;
    const run = parse(ios16);
    const { samples } = await collectRun(run);
    expect(samples.map((s) => s.metric)).toEqual(["heart_rate", "weight"]);
    expect(run.errors().map((e) => e.message.replace(/^\d+:\d+: /, ""))).toEqual(expect.arrayContaining(["disallowed character.", "attribute without value."]));
    await expect(checkAppleHealthXml(chunked(ios16, 64))).resolves.toBeUndefined();
  });

  it("rejects a file that is not an Apple Health export", async () => {
    const run = parse(`<?xml version="1.0"?><gpx><trk/></gpx>`);
    const failure = await collectRun(run).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("BAD_REQUEST");
  });
});
