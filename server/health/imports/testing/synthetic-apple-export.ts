/**
 * A synthetic Apple Health `export.xml` of any size, generated on the fly (nothing on disk), for memory and
 * throughput tests. Per simulated minute one heart-rate record; per 10 minutes steps; per 1,000 minutes a
 * Food correlation whose records are repeated at top level; per day a night of staged sleep, a workout with
 * events and statistics, and an ActivitySummary. `counts` tells what a correct parser must find.
 */

export interface SyntheticExportCounts {
  bytes: number;
  /** Top-level quantity records of known types (correlation copies excluded). */
  samples: number;
  correlationRecords: number;
  sleepSessions: number;
  workouts: number;
  dailyTotals: number;
}

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-01-01 08:00:00 -0700"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-02-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
`;
const FOOTER = "</HealthData>\n";
const WATCH = `sourceName="Ada’s Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x283c2a120&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.1&gt;"`;
const PHONE = `sourceName="Ada’s iPhone" sourceVersion="17.1"`;
const OFFSET = " -0700";
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const START_LOCAL_MS = Date.UTC(2020, 0, 1);

function stamp(localMs: number): string {
  const iso = new Date(localMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${OFFSET}`;
}

function dietary(type: string, unit: string, at: string, value: number): string {
  return `  <Record type="HKQuantityTypeIdentifier${type}" ${PHONE} unit="${unit}" creationDate="${at}" startDate="${at}" endDate="${at}" value="${value}"/>\n`;
}

function minuteRecords(minute: number, counts: SyntheticExportCounts): string {
  const localMs = START_LOCAL_MS + minute * MINUTE;
  const at = stamp(localMs);
  let xml = `  <Record type="HKQuantityTypeIdentifierHeartRate" ${WATCH} unit="count/min" creationDate="${at}" startDate="${at}" endDate="${at}" value="${55 + (minute % 47)}">
   <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="${minute % 2}"/>
  </Record>\n`;
  counts.samples += 1;
  if (minute % 10 === 0) {
    const end = stamp(localMs + 10 * MINUTE);
    xml += `  <Record type="HKQuantityTypeIdentifierStepCount" ${PHONE} unit="count" creationDate="${end}" startDate="${at}" endDate="${end}" value="${minute % 900}"/>\n`;
    counts.samples += 1;
  }
  if (minute % 1000 === 500) {
    xml += `  <Correlation type="HKCorrelationTypeIdentifierFood" ${PHONE} creationDate="${at}" startDate="${at}" endDate="${at}">
   <MetadataEntry key="HKFoodType" value="Porridge"/>
 ${dietary("DietaryEnergyConsumed", "kcal", at, 320)} ${dietary("DietaryProtein", "g", at, 11)}  </Correlation>\n`;
    xml += dietary("DietaryEnergyConsumed", "kcal", at, 320) + dietary("DietaryProtein", "g", at, 11);
    counts.correlationRecords += 2;
    counts.samples += 2;
  }
  if (minute % DAY_MINUTES === 0) xml += dayRecords(localMs, counts);
  return xml;
}

/** One day: a night from 23:00 the evening before to 07:00, a morning run, the day's activity rings. */
function dayRecords(midnightLocalMs: number, counts: SyntheticExportCounts): string {
  const night = [
    ["InBed", -60, 420],
    ["AsleepCore", -50, 60],
    ["AsleepDeep", 60, 150],
    ["AsleepREM", 150, 240],
    ["Awake", 240, 250],
    ["AsleepCore", 250, 415],
  ] as const;
  let xml = "";
  for (const [stage, from, to] of night) {
    xml += `  <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${WATCH} creationDate="${stamp(midnightLocalMs + to * MINUTE)}" startDate="${stamp(midnightLocalMs + from * MINUTE)}" endDate="${stamp(midnightLocalMs + to * MINUTE)}" value="HKCategoryValueSleepAnalysis${stage}"/>\n`;
  }
  counts.sleepSessions += 1;
  const runStart = midnightLocalMs + 8 * 60 * MINUTE;
  const runEnd = runStart + 40 * MINUTE;
  xml += `  <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="38" durationUnit="min" ${WATCH} creationDate="${stamp(runEnd)}" startDate="${stamp(runStart)}" endDate="${stamp(runEnd)}">
   <MetadataEntry key="HKIndoorWorkout" value="0"/>
   <WorkoutEvent type="HKWorkoutEventTypePause" date="${stamp(runStart + 10 * MINUTE)}" duration="0" durationUnit="min"/>
   <WorkoutEvent type="HKWorkoutEventTypeResume" date="${stamp(runStart + 12 * MINUTE)}" duration="0" durationUnit="min"/>
   <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="${stamp(runStart)}" endDate="${stamp(runEnd)}" sum="402" unit="kcal"/>
   <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="${stamp(runStart)}" endDate="${stamp(runEnd)}" sum="6.2" unit="km"/>
   <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="${stamp(runStart)}" endDate="${stamp(runEnd)}" average="151" minimum="98" maximum="178" unit="count/min"/>
   <WorkoutRoute ${PHONE} creationDate="${stamp(runEnd)}" startDate="${stamp(runStart)}" endDate="${stamp(runEnd)}">
    <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>
    <FileReference path="/workout-routes/route_${stamp(runStart).slice(0, 10)}.gpx"/>
   </WorkoutRoute>
  </Workout>\n`;
  counts.workouts += 1;
  const day = stamp(midnightLocalMs).slice(0, 10);
  xml += `  <ActivitySummary dateComponents="${day}" activeEnergyBurned="612.5" activeEnergyBurnedGoal="600" activeEnergyBurnedUnit="kcal" appleMoveTime="0" appleMoveTimeGoal="0" appleExerciseTime="44" appleExerciseTimeGoal="30" appleStandHours="12" appleStandHoursGoal="12"/>\n`;
  counts.dailyTotals += 2;
  return xml;
}

/**
 * Yields about `targetBytes` of export.xml in ~64 KB Buffers. Ends on a whole day so that every night
 * written is complete; the counts object is final once the iterator is done.
 */
export function syntheticAppleExport(targetBytes: number): { chunks: AsyncGenerator<Buffer>; counts: SyntheticExportCounts } {
  const counts: SyntheticExportCounts = { bytes: 0, samples: 0, correlationRecords: 0, sleepSessions: 0, workouts: 0, dailyTotals: 0 };
  async function* chunks(): AsyncGenerator<Buffer> {
    let pending = HEADER;
    let minute = 0;
    while (counts.bytes + pending.length < targetBytes || minute % DAY_MINUTES !== 0) {
      pending += minuteRecords(minute, counts);
      minute += 1;
      if (pending.length >= 65_536) {
        const chunk = Buffer.from(pending);
        counts.bytes += chunk.byteLength;
        pending = "";
        yield chunk;
      }
    }
    const last = Buffer.from(pending + FOOTER);
    counts.bytes += last.byteLength;
    yield last;
  }
  return { chunks: chunks(), counts };
}
