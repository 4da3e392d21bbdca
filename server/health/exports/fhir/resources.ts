import type { Bundle, BundleEntry, Observation, Patient } from "fhir/r4";
import { nameBasedUuid } from "@/server/platform/name-based-uuid";
import { addDays, startOfLocalDay } from "../../local-date";
import { OBSERVATION_CATEGORY, UCUM, type ObservationCode } from "./observation-codes";

const CATEGORY_DISPLAY = { "vital-signs": "Vital Signs", activity: "Activity" } as const;
export const BIOSYNC_USER = "urn:biosync:user";

const patientUrl = (userId: string) => `urn:uuid:${userId}`;

/** A pseudonymous Patient: the BioSync account id, no name, email or birth date. */
export function patientEntry(userId: string): BundleEntry<Patient> {
  return { fullUrl: patientUrl(userId), resource: { resourceType: "Patient", id: userId, identifier: [{ system: BIOSYNC_USER, value: userId }] } };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One daily value as an Observation over the user's local day (the day's total, mean or last reading, as the summary holds it). */
export function dailyObservationEntry(userId: string, timeZone: string, day: string, code: ObservationCode, stored: number): BundleEntry<Observation> {
  const id = nameBasedUuid(userId, "fhir-observation", code.key, day);
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: "Observation",
      id,
      status: "final",
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: code.category, display: CATEGORY_DISPLAY[code.category] }] }],
      code: { coding: code.codings, text: code.text },
      subject: { reference: patientUrl(userId) },
      effectivePeriod: { start: startOfLocalDay(day, timeZone).toISOString(), end: startOfLocalDay(addDays(day, 1), timeZone).toISOString() },
      valueQuantity: { value: round(code.convert(stored), code.decimals), unit: code.unit, system: UCUM, code: code.ucum },
    },
  };
}

/** The Bundle without its entries: the writer streams them into `entry`. */
export function bundleShell(userId: string, now: Date): Omit<Bundle, "entry"> {
  return { resourceType: "Bundle", id: nameBasedUuid(userId, "fhir-bundle", now.toISOString()), type: "collection", timestamp: now.toISOString() };
}
