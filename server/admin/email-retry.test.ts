import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { createUser } from "../account/auth/users";
import type { EmailMessage } from "../platform/email/send";
import { callerFor, sessionFor } from "../testing";
import type { SessionUser } from "../trpc";
import { resendFailedEmail } from "./email-retry";

const test = withTestDb();
let admin: SessionUser;
let subjectId: string;

beforeAll(async () => {
  admin = sessionFor(await createUser(test.db, { email: "resend-admin@example.com", role: "admin" }));
  subjectId = (await createUser(test.db, { email: "reader@example.com" })).id;
});

async function storedEmail(values: Partial<typeof emailOutbox.$inferInsert>) {
  const [row] = await test.db
    .insert(emailOutbox)
    .values({ to: "reader@example.com", from: "BioSync <no-reply@biosync.local>", subject: "Your weekly report", html: "<p>Hi</p>", text: "Hi", transport: "resend", status: "failed", userId: subjectId, ...values })
    .returning();
  return row!;
}

describe("re-sending a failed email", () => {
  it("sends the stored message again and records who did it", async () => {
    const failed = await storedEmail({ tag: "weekly-report", error: "rate limited" });
    const sent: EmailMessage[] = [];
    const result = await resendFailedEmail(test.db, { userId: admin.id, ip: "203.0.113.3" }, failed.id, async (_db, message) => {
      sent.push(message);
      return { id: "new-row", transport: "resend" };
    });
    expect(result).toEqual({ id: "new-row", transport: "resend" });
    expect(sent).toEqual([expect.objectContaining({ to: "reader@example.com", subject: "Your weekly report", tag: "weekly-report", rendered: { html: "<p>Hi</p>", text: "Hi" } })]);
    const [entry] = await test.db.select().from(auditEvents).where(eq(auditEvents.targetId, failed.id));
    expect(entry).toMatchObject({ action: "admin.email-retried", actorUserId: admin.id, subjectUserId: subjectId, ip: "203.0.113.3" });
  });

  it("refuses emails that did not fail, that held a single-use link, or that do not exist", async () => {
    const asAdmin = callerFor(test.db, admin);
    const stored = await storedEmail({ transport: "outbox", status: "stored" });
    await expect(asAdmin.admin.outbox.resend({ id: stored.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const withLink = await storedEmail({ secretLink: "removed" });
    await expect(asAdmin.admin.outbox.resend({ id: withLink.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/new one/) });
    await expect(asAdmin.admin.outbox.resend({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers 503, not 500, when the email service refuses again", async () => {
    const failed = await storedEmail({});
    const refusing = async () => {
      throw new Error("Resend did not accept the email");
    };
    await expect(resendFailedEmail(test.db, { userId: admin.id, ip: "203.0.113.3" }, failed.id, refusing)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await test.db.select().from(auditEvents).where(eq(auditEvents.targetId, failed.id))).toEqual([]);
  });
});
