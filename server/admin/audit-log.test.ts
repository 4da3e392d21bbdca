import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { createUser } from "../account/auth/users";
import { recordAudit } from "../platform/audit/audit";
import { callerFor, sessionFor } from "../testing";

const test = withTestDb();
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  const admin = await createUser(test.db, { email: "auditor@ops.example", role: "admin" });
  const other = await createUser(test.db, { email: "second@ops.example", role: "admin" });
  const ada = await createUser(test.db, { email: "ada@people.example" });
  const bob = await createUser(test.db, { email: "bob@people.example" });
  api = callerFor(test.db, sessionFor(admin));
  const at = (day: number) => new Date(Date.UTC(2026, 5, day, 12));
  await recordAudit(test.db, { action: "admin.plan-changed", actorUserId: admin.id, subjectUserId: ada.id, details: { reason: "Partner" } }, at(1));
  await recordAudit(test.db, { action: "admin.user-opened", actorUserId: other.id, subjectUserId: bob.id }, at(2));
  await recordAudit(test.db, { action: "admin.user-disabled", actorUserId: admin.id, subjectUserId: bob.id, details: { reason: "Abuse" } }, at(3));
  await recordAudit(test.db, { action: "journal.notes-read", actorUserId: ada.id, subjectUserId: ada.id }, at(4));
});

describe("admin.audit.list", () => {
  it("lists newest first with emails and labels", async () => {
    const { items } = await api.admin.audit.list({});
    expect(items.map((i) => i.action)).toEqual(["journal.notes-read", "admin.user-disabled", "admin.user-opened", "admin.plan-changed"]);
    expect(items[1]).toMatchObject({ actorEmail: "auditor@ops.example", subjectEmail: "bob@people.example", label: "Disabled your account", details: { reason: "Abuse" } });
  });

  it("filters by action, actor email, subject email and date range, and pages", async () => {
    const ids = async (input: Parameters<typeof api.admin.audit.list>[0]) => (await api.admin.audit.list(input)).items.map((i) => i.action);
    expect(await ids({ action: "admin.user-opened" })).toEqual(["admin.user-opened"]);
    expect(await ids({ actorEmail: "AUDITOR@" })).toEqual(["admin.user-disabled", "admin.plan-changed"]);
    expect(await ids({ subjectEmail: "bob@" })).toEqual(["admin.user-disabled", "admin.user-opened"]);
    expect(await ids({ from: new Date("2026-06-02T00:00:00Z"), to: new Date("2026-06-04T00:00:00Z") })).toEqual(["admin.user-disabled", "admin.user-opened"]);
    expect(await ids({ actorEmail: "%" })).toEqual([]);
    const first = await api.admin.audit.list({ limit: 3 });
    const rest = await api.admin.audit.list({ limit: 3, cursor: first.nextCursor });
    expect(rest.items.map((i) => i.action)).toEqual(["admin.plan-changed"]);
    expect(rest.nextCursor).toBeNull();
  });
});
