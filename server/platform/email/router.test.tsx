import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { EmailLayout, EmailText } from "@/components/emails/layout";
import { callerWithRole } from "../../testing";
import type { SessionUser } from "../../trpc";
import { sendEmailWith } from "./send";

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
