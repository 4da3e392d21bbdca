import { and, asc, count, eq, gt, gte, lte } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db";
import { dailySummaries } from "@/db/schema";
import { isoDate } from "@/server/inputs";
import type { ExportContext, ExportWriter } from "../writers";
import { OBSERVATION_CODES } from "./observation-codes";
import { bundleShell, dailyObservationEntry, patientEntry } from "./resources";

export const fhirParams = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["to"], message: "The end of the range comes before its start." });
export type FhirParams = z.infer<typeof fhirParams>;

/** Days per query: a day gives at most one Observation per code. */
const PAGE_DAYS = 200;

/**
 * The user's daily values as a FHIR R4 Bundle (type "collection") of Observations, one per metric
 * and local day, from the daily summaries (the source the user's provider priority picked). Minute
 * heart rate is exported as its daily mean, as the app shows it, not as SampledData: a year of it
 * would be 525,600 numbers no FHIR reader asks for. Streamed a page of days at a time.
 */
export async function* writeFhirBundle(db: Database, context: ExportContext<FhirParams>): AsyncGenerator<string> {
  const { userId, params, timeZone } = context;
  const inRange = and(
    eq(dailySummaries.userId, userId),
    params.from ? gte(dailySummaries.localDate, params.from) : undefined,
    params.to ? lte(dailySummaries.localDate, params.to) : undefined,
  );
  const [{ days } = { days: 0 }] = await db.select({ days: count() }).from(dailySummaries).where(inRange);
  const shell = JSON.stringify(bundleShell(userId, new Date()));
  yield `${shell.slice(0, -1)},"entry":[\n${JSON.stringify(patientEntry(userId))}`;
  let done = 0;
  let last: string | null = null;
  for (;;) {
    const page = await db
      .select({ localDate: dailySummaries.localDate, values: dailySummaries.values })
      .from(dailySummaries)
      .where(and(inRange, last ? gt(dailySummaries.localDate, last) : undefined))
      .orderBy(asc(dailySummaries.localDate))
      .limit(PAGE_DAYS);
    if (page.length === 0) break;
    let text = "";
    for (const day of page) {
      for (const code of OBSERVATION_CODES) {
        const stored = day.values[code.key];
        if (typeof stored === "number" && Number.isFinite(stored)) text += `,\n${JSON.stringify(dailyObservationEntry(userId, timeZone, day.localDate, code, stored))}`;
      }
    }
    yield text;
    done += page.length;
    last = page[page.length - 1]!.localDate;
    await context.progress(done, days);
    if (page.length < PAGE_DAYS) break;
  }
  yield "\n]}\n";
}

export const fhirWriter: ExportWriter<FhirParams> = {
  kind: "fhir",
  params: fhirParams,
  filename: (params, now) => `biosync-fhir-${params.from ?? "start"}-${params.to ?? now.toISOString().slice(0, 10)}.json`,
  contentType: "application/fhir+json",
  write: writeFhirBundle,
};
