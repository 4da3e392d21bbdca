import { ZodError } from "zod";
import type { Database } from "@/db";
import { inngest } from "@/inngest/client";
import { validateEventData } from "@/inngest/define";
import { eventSchemas, type EventData, type EventName } from "@/inngest/events";
import { localFunctions } from "@/inngest/index";
import { AppError, fieldIssuesFromZod } from "../errors";
import { jobBackend } from "../env";
import { nudgeJobRunner } from "./runner";
import { enqueueEvent } from "./store";

export interface EmitOptions {
  /** Idempotency id: a second event with the same id starts nothing (Inngest: within 24 h). */
  id?: string;
}

/**
 * Sends an event to the job backend. Locally the event and its runs are committed to the
 * database before this returns (nothing accepted is lost); with Inngest it is sent to Inngest.
 * Bad data is an AppError BAD_REQUEST naming the fields.
 */
export async function emit<N extends EventName>(db: Database, name: N, data: EventData<N>, options: EmitOptions = {}): Promise<void> {
  const valid = parseEventData(name, data);
  if (jobBackend() === "inngest") {
    try {
      await inngest.send({ name, data: valid, ...(options.id ? { id: options.id } : {}) });
    } catch (error) {
      throw new AppError("UNAVAILABLE", "The job service did not accept the event. Try again shortly.", { cause: error });
    }
    return;
  }
  const accepted = await enqueueEvent(db, { name, data: valid, idempotencyKey: options.id }, localFunctions());
  if (accepted) nudgeJobRunner();
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
