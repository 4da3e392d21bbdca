import { removeExpiredRawPayloads } from "@/server/account/privacy/retention";
import { defineFunction } from "../../define";

/** Removes one user's raw provider payloads older than their retention period. */
export const enforceRawRetention = defineFunction(
  { id: "enforce-raw-retention", event: "privacy/raw-retention.due", retries: 4, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) => step.run("remove-payloads", () => removeExpiredRawPayloads(db, event.data.userId)),
);
