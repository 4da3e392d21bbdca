import type { AnyLocalFunction } from "@/inngest/define";
import { inngest } from "@/inngest/client";
import { AppError } from "../../errors";
import type { JobBackend } from "./backend";
import { nudgeJobRunner } from "./runner";
import { enqueueEvent } from "./store";

/** Events go to Inngest (cloud or dev server), which runs the functions it was served. */
export function inngestJobBackend(): JobBackend {
  return {
    async send(_db, event) {
      try {
        await inngest.send({ name: event.name, data: event.data, ...(event.idempotencyKey ? { id: event.idempotencyKey } : {}) });
      } catch (error) {
        throw new AppError("UNAVAILABLE", "The job service did not accept the event. Try again shortly.", { cause: error });
      }
    },
    localFunctions: async () => [],
  };
}

/** Events and their runs are committed to the database; the in-process runner executes `functions`. */
export function localJobBackend(functions: readonly AnyLocalFunction[]): JobBackend {
  return {
    async send(db, event) {
      const accepted = await enqueueEvent(db, event, functions);
      if (accepted) nudgeJobRunner();
    },
    localFunctions: async () => functions,
  };
}
