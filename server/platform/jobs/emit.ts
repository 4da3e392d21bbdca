import { ZodError } from "zod";
import type { Database } from "@/db";
import { validateEventData } from "@/inngest/define";
import { eventSchemas, type EventData, type EventName } from "@/inngest/events";
import { AppError, fieldIssuesFromZod } from "../../errors";
import { installedJobBackend } from "./backend";

export interface EmitOptions {
  /** Idempotency id: a second event with the same id starts nothing (Inngest: within 24 h). */
  id?: string;
}

/**
 * Sends an event to the job backend installed at boot. Locally the event and its runs are
 * committed to the database before this returns (nothing accepted is lost); with Inngest it is
 * sent to Inngest. Bad data is an AppError BAD_REQUEST naming the fields; no installed backend
 * is a programming error and throws.
 */
export async function emit<N extends EventName>(db: Database, name: N, data: EventData<N>, options: EmitOptions = {}): Promise<void> {
  const backend = installedJobBackend();
  const valid = parseEventData(name, data);
  await backend.send(db, { name, data: valid, idempotencyKey: options.id });
}

function parseEventData<N extends EventName>(name: N, data: unknown): EventData<N> {
  if (!Object.hasOwn(eventSchemas, name)) throw AppError.field("name", `Unknown event "${String(name)}".`);
  try {
    return validateEventData(name, data);
  } catch (error) {
    if (error instanceof ZodError) throw AppError.badRequest(`Invalid data for event "${name}".`, fieldIssuesFromZod(error));
    throw error;
  }
}
