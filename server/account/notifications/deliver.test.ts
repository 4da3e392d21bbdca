import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { notifications } from "@/db/schema/notifications";
import { withTestDb } from "@/db/testing";
import { deliver, sendHeldEmails } from "./deliver";
import { notifiedUser, sampleContent, setPreferences } from "./testing";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

const handle = withTestDb();
const db = () => handle.db;

const outboxOf = (userId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
const rowsOf = (userId: string) => db().select().from(notifications).where(eq(notifications.userId, userId));

describe("deliver", () => {
  it("stores the in-app entry and emails it with List-Unsubscribe headers (RFC 8058) and the footer links", async () => {
    const user = await notifiedUser(db());
    const outcome = await deliver(db(), user.id, sampleContent("daily-summary", `d:${user.id}:2026-03-30`), new Date("2026-03-30T08:00:00Z"));
    expect(outcome).toMatchObject({ created: true, email: "sent" });
    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ kind: "daily-summary", title: "Sample daily-summary", body: `In-app body of d:${user.id}:2026-03-30`, href: "/dashboard", readAt: null, emailState: "sent", heldEmail: null });
    expect(row!.emailedAt).toBeInstanceOf(Date);

    const [email] = await outboxOf(user.id);
    expect(email).toMatchObject({ to: user.email, subject: "Sample daily-summary", tag: "daily-summary", transport: "outbox" });
    const header = email!.headers["List-Unsubscribe"]!;
    expect(header).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/[^>]+>$/);
    expect(email!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = header.slice(1, -1);
    expect(verifyUnsubscribeToken(url.split("/unsubscribe/")[1]!)).toEqual({ ok: true, userId: user.id, kind: "daily-summary" });
    expect(email!.text).toContain(url);
    expect(email!.text).toContain("/settings/notifications");
  });

  it("keeps the in-app entry but sends no email when the kind is turned off, or the address is unconfirmed", async () => {
    const off = await notifiedUser(db(), { preferences: { recoveryAlerts: false } });
    expect(await deliver(db(), off.id, sampleContent("recovery-alert", "r:1"))).toMatchObject({ created: true, email: "off" });
    expect(await rowsOf(off.id)).toHaveLength(1);
    expect(await outboxOf(off.id)).toHaveLength(0);
    // Another kind still goes out.
    expect(await deliver(db(), off.id, sampleContent("daily-summary", "d:1"))).toMatchObject({ email: "sent" });
    expect(await outboxOf(off.id)).toHaveLength(1);

    const unverified = await notifiedUser(db(), { verified: false });
    expect(await deliver(db(), unverified.id, sampleContent("daily-summary", "d:2"))).toMatchObject({ created: true, email: "off" });
    expect(await outboxOf(unverified.id)).toHaveLength(0);
  });

  it("delivers a dedupe key once however often it is delivered", async () => {
    const user = await notifiedUser(db());
    const content = sampleContent("daily-summary", "d:once");
    const first = await deliver(db(), user.id, content);
    const again = await deliver(db(), user.id, content);
    expect(again).toEqual({ ...first, created: false, email: "sent" });
    expect(await rowsOf(user.id)).toHaveLength(1);
    expect(await outboxOf(user.id)).toHaveLength(1);
    // The same key for another user is theirs.
    const other = await notifiedUser(db());
    expect(await deliver(db(), other.id, content)).toMatchObject({ created: true });
  });

  it("holds the email through quiet hours (past midnight) and sends it in the first run after they end", async () => {
    // Quiet 22:00–07:00 in New York; 02:30 UTC on 15 January is 21:30 EST, 03:30 UTC is 22:30 EST.
    const user = await notifiedUser(db(), { timeZone: "America/New_York", preferences: { quietHoursStart: "22:00", quietHoursEnd: "07:00" } });
    expect(await deliver(db(), user.id, sampleContent("daily-summary", "d:awake"), new Date("2026-01-15T02:30:00Z"))).toMatchObject({ email: "sent" });
    expect(await deliver(db(), user.id, sampleContent("recovery-alert", "r:night"), new Date("2026-01-15T03:30:00Z"))).toMatchObject({ email: "deferred" });
    const [held] = await db().select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.dedupeKey, "r:night")));
    expect(held).toMatchObject({ emailState: "deferred", readAt: null });
    expect(held!.heldEmail).toMatchObject({ subject: "Sample recovery-alert", headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } });
    expect(await outboxOf(user.id)).toHaveLength(1);

    // 11:00 UTC is 06:00 EST: still quiet. 12:00 UTC is 07:00 EST: over.
    expect(await sendHeldEmails(db(), user.id, new Date("2026-01-15T11:00:00Z"))).toEqual({ sent: 0, dropped: 0 });
    expect(await sendHeldEmails(db(), user.id, new Date("2026-01-15T12:00:00Z"))).toEqual({ sent: 1, dropped: 0 });
    expect(await sendHeldEmails(db(), user.id, new Date("2026-01-15T13:00:00Z"))).toEqual({ sent: 0, dropped: 0 });
    const emails = await outboxOf(user.id);
    expect(emails.map((e) => e.subject).sort()).toEqual(["Sample daily-summary", "Sample recovery-alert"]);
    const sent = emails.find((e) => e.subject === "Sample recovery-alert")!;
    expect(sent.headers["List-Unsubscribe"]).toMatch(/\/unsubscribe\//);
    expect(sent.text).toContain("Body of r:night");
    const [after] = await db().select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.dedupeKey, "r:night")));
    expect(after).toMatchObject({ emailState: "sent", heldEmail: null });
  });

  it("drops a held email whose kind was turned off before the quiet hours ended", async () => {
    const user = await notifiedUser(db(), { timeZone: "Europe/Berlin", preferences: { quietHoursStart: "21:00", quietHoursEnd: "06:30" } });
    // Berlin on 29 March 2026 (DST starts): 23:00 UTC on the 28th is 00:00 CET (quiet); 04:00 UTC is 06:00 CEST (quiet), 05:00 UTC 07:00 CEST.
    expect(await deliver(db(), user.id, sampleContent("daily-summary", "d:held"), new Date("2026-03-28T23:00:00Z"))).toMatchObject({ email: "deferred" });
    expect(await sendHeldEmails(db(), user.id, new Date("2026-03-29T04:00:00Z"))).toEqual({ sent: 0, dropped: 0 });
    await setPreferences(db(), user.id, { dailySummary: false });
    expect(await sendHeldEmails(db(), user.id, new Date("2026-03-29T05:00:00Z"))).toEqual({ sent: 0, dropped: 1 });
    expect(await outboxOf(user.id)).toHaveLength(0);
    expect(await rowsOf(user.id)).toMatchObject([{ emailState: "off", heldEmail: null }]);
  });
});
