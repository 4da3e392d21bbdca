import type { Database } from "@/db";
import { deviceOf } from "./devices";
import { pushToDevice } from "./push-device";
import type { PushResult } from "./send";

export type TestPushOutcome = { outcome: "sent" | "removed" | "failed"; status: number | null };

const OUTCOME: Record<PushResult["kind"], TestPushOutcome["outcome"]> = { delivered: "sent", gone: "removed", failed: "failed" };

/** A test notification to one of the user's devices (a disabled one too: a delivery brings it back). */
export async function sendTestPush(db: Database, userId: string, id: string): Promise<TestPushOutcome> {
  const device = await deviceOf(db, userId, id);
  const result = await pushToDevice(
    db,
    device,
    { title: "BioSync test notification", body: `Notifications reach ${device.label}.`, url: "/settings/notifications", tag: `push-test:${device.id}` },
    { ttl: 300, urgency: "normal" },
  );
  return { outcome: OUTCOME[result.kind], status: result.status };
}
