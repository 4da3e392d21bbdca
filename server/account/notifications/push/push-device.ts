import type { Database } from "@/db";
import type { PushSubscriptionRow } from "@/db/schema/push";
import { forgetDevice, recordFailure, recordSuccess } from "./devices";
import { sendPush, type PushMessage, type PushOptions, type PushResult } from "./send";

/**
 * One push to one device, and what it does to the device: a delivery resets its failure streak, a
 * 404/410 deletes it, any other failure counts towards disabling it.
 */
export async function pushToDevice(db: Database, device: PushSubscriptionRow, message: PushMessage, options: PushOptions, now: Date = new Date()): Promise<PushResult> {
  const result = await sendPush(device, message, options);
  if (result.kind === "delivered") await recordSuccess(db, device.id, now);
  else if (result.kind === "gone") await forgetDevice(db, device.id);
  else await recordFailure(db, device.id, now);
  return result;
}
