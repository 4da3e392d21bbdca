import type { z } from "zod";
import { analyticsEvents } from "./analytics";
import { authEvents } from "./auth";
import { devicesEvents } from "./devices";
import { exportsEvents } from "./exports";
import { importsEvents } from "./imports";
import { ingestionEvents } from "./ingestion";
import { reportsEvents } from "./reports";
import { privacyEvents } from "./privacy";
import { notificationsEvents } from "./notifications";
import { opsEvents } from "./ops";
import { timeseriesEvents } from "./timeseries";

/**
 * The typed catalogue of every event BioSync sends: one zod schema per event name, one file per slug.
 * Sends are validated against it, in the in-process runner and before going to Inngest.
 */
export const eventSchemas = {
  ...authEvents,
  ...devicesEvents,
  ...ingestionEvents,
  ...importsEvents,
  ...timeseriesEvents,
  ...analyticsEvents,
  ...reportsEvents,
  ...exportsEvents,
  ...privacyEvents,
  ...notificationsEvents,
  ...opsEvents,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export type AppEvent<N extends EventName = EventName> = { name: N; data: EventData<N>; id?: string };
