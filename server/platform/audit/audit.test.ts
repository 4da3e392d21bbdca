import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { createUser } from "../../account/auth/users";
import { listAuditEvents, recordAudit } from "./audit";

const handle = withTestDb();
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 12, minute));

describe("the audit trail", () => {
  it("records who did what to whose data, and lists it newest first by actor, subject, action or target, page by page", async () => {
    const admin = await createUser(handle.db, { email: "auditor@example.com", role: "admin" });
    const ada = await createUser(handle.db, { email: "ada-audit@example.com" });
    const bob = await createUser(handle.db, { email: "bob-audit@example.com" });
    const opened = (subject: string, target: string, minute: number) =>
      recordAudit(
        handle.db,
        { action: "outbox.message-opened", actorUserId: admin.id, subjectUserId: subject, target: { type: "email", id: target }, ip: "10.0.0.9", details: { to: "x" } },
        at(minute),
      );
    const first = await opened(ada.id, "m1", 1);
    await opened(bob.id, "m2", 2);
    await opened(ada.id, "m3", 3);
    expect(first).toMatchObject({ action: "outbox.message-opened", actorUserId: admin.id, subjectUserId: ada.id, targetType: "email", targetId: "m1", ip: "10.0.0.9", details: { to: "x" } });

    const page = await listAuditEvents(handle.db, { limit: 2, subjectUserId: ada.id });
    expect(page.items.map((e) => e.targetId)).toEqual(["m3", "m1"]);
    expect(page.nextCursor).toBeNull();
    const byActor = await listAuditEvents(handle.db, { limit: 2, actorUserId: admin.id });
    expect(byActor.items.map((e) => e.targetId)).toEqual(["m3", "m2"]);
    const rest = await listAuditEvents(handle.db, { limit: 2, actorUserId: admin.id, cursor: byActor.nextCursor });
    expect(rest.items.map((e) => e.targetId)).toEqual(["m1"]);
    expect((await listAuditEvents(handle.db, { limit: 10, target: { type: "email", id: "m2" } })).items.map((e) => e.subjectUserId)).toEqual([bob.id]);
  });

  it("outlives the accounts it names: erasing the subject or the actor keeps the event, without the user id", async () => {
    const admin = await createUser(handle.db, { email: "leaving-admin@example.com", role: "admin" });
    const subject = await createUser(handle.db, { email: "erased@example.com" });
    const event = await recordAudit(handle.db, { action: "outbox.message-opened", actorUserId: admin.id, subjectUserId: subject.id, target: { type: "email", id: "m9" } });
    await handle.db.delete(users).where(eq(users.id, subject.id));
    await handle.db.delete(users).where(eq(users.id, admin.id));
    const [kept] = (await listAuditEvents(handle.db, { limit: 10, target: { type: "email", id: "m9" } })).items;
    expect(kept).toMatchObject({ id: event.id, actorUserId: null, subjectUserId: null, action: "outbox.message-opened" });
  });
});
