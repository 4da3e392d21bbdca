import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { EmailButton, EmailLayout, EmailText } from "@/components/emails/layout";
import { createUser } from "../../account/auth/users";
import { listAuditEvents } from "../audit/audit";
import { callerFor, callerWithRole, sessionFor } from "../../testing";
import type { SessionUser } from "../../trpc";
import { REMOVED_LINK, sendEmailWith } from "./send";

const handle = withTestDb();
const callerAs = (role: SessionUser["role"]) => callerWithRole(handle.db, role);

const config = { from: "BioSync <no-reply@biosync.test>", appUrl: "http://localhost:3000", logRecipients: false };

beforeAll(async () => {
  for (const to of ["ada@example.com", "bob@example.com", "ada_b@example.com"]) {
    await sendEmailWith(config, handle.db, {
      to,
      subject: `Hello ${to}`,
      tag: "greeting",
      react: (
        <EmailLayout preview="hi" heading="Hi">
          <EmailText>Body for {to}</EmailText>
        </EmailLayout>
      ),
    });
  }
});

describe("outbox router", () => {
  it("is for admins only", async () => {
    await expect(callerAs("user").outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs("user").outbox.get({ id: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists newest first, pages and filters by recipient", async () => {
    const admin = callerAs("admin");
    const page = await admin.outbox.list({ limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await admin.outbox.list({ limit: 2, cursor: page.nextCursor });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const all = [...page.items, ...rest.items];
    expect(all.map((e) => e.to).sort()).toEqual(["ada@example.com", "ada_b@example.com", "bob@example.com"]);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(all[i]!.createdAt.getTime());

    expect((await admin.outbox.list({ to: "ADA" })).items.map((e) => e.to).sort()).toEqual(["ada@example.com", "ada_b@example.com"]);
    // "_" is matched literally, not as a LIKE wildcard.
    expect((await admin.outbox.list({ to: "a_b" })).items.map((e) => e.to)).toEqual(["ada_b@example.com"]);
  });

  it("returns one email with its HTML and text, or NOT_FOUND", async () => {
    const admin = callerAs("admin");
    const { items } = await admin.outbox.list({ to: "bob@" });
    const email = await admin.outbox.get({ id: items[0]!.id });
    expect(email).toMatchObject({ to: "bob@example.com", from: config.from, subject: "Hello bob@example.com", transport: "outbox", status: "stored" });
    expect(email.html).toContain("Body for");
    expect(email.text).toContain("Body for bob@example.com");
    await expect(admin.outbox.get({ id: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("opening an email that holds a link", () => {
  const link = "http://localhost:3000/reset-password?token=Outbox-held-token-0123456789abcdefgh";
  const LinkEmail = () => (
    <EmailLayout preview="Reset" heading="Reset">
      <EmailButton href={link}>Reset</EmailButton>
    </EmailLayout>
  );

  it("is recorded in the audit trail: which admin, when, from where, which message, whose address", async () => {
    const admin = await createUser(handle.db, { email: "reader-admin@example.com", role: "admin" });
    const owner = await createUser(handle.db, { email: "link-owner@example.com" });
    const caller = callerFor(handle.db, sessionFor(admin), { ip: "10.8.8.8" });
    const held = await sendEmailWith(config, handle.db, { to: owner.email, subject: "Reset", react: <LinkEmail />, tag: "reset-password", userId: owner.id, secretLinks: [link] });

    const email = await caller.outbox.get({ id: held.id });
    expect(email).toMatchObject({ secretLink: "stored" });
    expect(email.text).toContain(link);
    await caller.outbox.get({ id: held.id });

    const trail = await listAuditEvents(handle.db, { limit: 10, target: { type: "email", id: held.id } });
    expect(trail.items).toHaveLength(2);
    expect(trail.items[0]).toMatchObject({
      action: "outbox.message-opened",
      actorUserId: admin.id,
      subjectUserId: owner.id,
      ip: "10.8.8.8",
      details: { to: "link-owner@example.com", tag: "reset-password" },
    });
    expect(trail.items[0]!.at).toBeInstanceOf(Date);
  });

  it("is not recorded for an email without one, nor for one whose link was removed after Resend took it", async () => {
    const admin = await createUser(handle.db, { email: "other-admin@example.com", role: "admin" });
    const caller = callerFor(handle.db, sessionFor(admin));
    const { items } = await caller.outbox.list({ to: "bob@" });
    await caller.outbox.get({ id: items[0]!.id });
    const [delivered] = await handle.db
      .insert(emailOutbox)
      .values({ to: "gone@example.com", from: config.from, subject: "Reset", html: REMOVED_LINK, text: REMOVED_LINK, transport: "resend", status: "sent", secretLink: "removed" })
      .returning();
    expect(await caller.outbox.get({ id: delivered!.id })).toMatchObject({ secretLink: "removed", text: REMOVED_LINK });
    expect((await listAuditEvents(handle.db, { limit: 10, actorUserId: admin.id })).items).toHaveLength(0);
  });
});
