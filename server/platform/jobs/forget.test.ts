import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jobEvents, jobRuns, jobSteps } from "@/db/schema/jobs";
import { withTestDb } from "@/db/testing";
import { AppError } from "../../errors";
import { forgetJobsMentioning } from "./forget";

const handle = withTestDb();

async function event(data: Record<string, unknown>, run: Partial<typeof jobRuns.$inferInsert> = {}, stepResult?: unknown) {
  const [stored] = await handle.db.insert(jobEvents).values({ name: "test/event", data }).returning({ id: jobEvents.id });
  const [r] = await handle.db.insert(jobRuns).values({ eventId: stored!.id, functionId: `fn-${randomUUID()}`, maxAttempts: 1, status: "completed", ...run }).returning({ id: jobRuns.id });
  if (stepResult !== undefined) await handle.db.insert(jobSteps).values({ runId: r!.id, stepId: "step", result: stepResult });
  return stored!.id;
}

describe("forgetJobsMentioning", () => {
  it("removes the events whose data, runs or step results name the id, and only those", async () => {
    const id = randomUUID();
    const other = randomUUID();
    const named = [
      await event({ userId: id }),
      await event({ deliveryId: randomUUID() }, { concurrencyKey: id }),
      await event({ deliveryId: randomUUID() }, { output: { users: [id] } }),
      await event({ deliveryId: randomUUID() }, {}, { rows: [{ user_id: id }] }),
    ];
    const kept = [await event({ userId: other }), await event({ deliveryId: randomUUID() }, {}, { rows: [{ user_id: other }] })];
    expect(await forgetJobsMentioning(handle.db, id)).toBe(named.length);
    const left = (await handle.db.select({ id: jobEvents.id }).from(jobEvents)).map((e) => e.id);
    expect(left).toEqual(expect.arrayContaining(kept));
    expect(left.filter((e) => named.includes(e))).toEqual([]);
    expect(await forgetJobsMentioning(handle.db, id)).toBe(0);
  });

  it("waits (UNAVAILABLE, removing nothing) while a run naming the id is still running", async () => {
    const id = randomUUID();
    await event({ userId: id }, { status: "running" });
    const error = await forgetJobsMentioning(handle.db, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAVAILABLE");
    expect(await handle.db.select().from(jobEvents)).toEqual(expect.arrayContaining([expect.objectContaining({ data: { userId: id } })]));
  });
});
