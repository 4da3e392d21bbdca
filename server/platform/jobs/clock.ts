import { getDbHandle } from "@/db";
import { schedules, slotStart } from "@/inngest/schedules";
import { logger } from "../../logger";
import { emit } from "./emit";

const TICK_MS = 30_000;
const globalKey = Symbol.for("biosync.clock");
type GlobalWithClock = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

/**
 * The in-process clock: every 30 s, emits each schedule's event for the current slot. The event's
 * idempotency id is the slot, so several app instances (or a restart) still queue it once.
 */
export function startClock(): void {
  const g = globalThis as GlobalWithClock;
  if (g[globalKey]) return;
  const tick = async () => {
    try {
      const { db } = await getDbHandle();
      for (const schedule of schedules) {
        const at = slotStart(schedule, new Date()).toISOString();
        await emit(db, schedule.event, { at }, { id: `${schedule.id}-${at}` });
      }
    } catch (error) {
      logger.warn({ err: error }, "clock tick failed");
    }
  };
  g[globalKey] = setInterval(tick, TICK_MS);
  g[globalKey].unref();
  void tick();
}

export function stopClock(): void {
  const g = globalThis as GlobalWithClock;
  if (g[globalKey]) clearInterval(g[globalKey]);
  delete g[globalKey];
}
