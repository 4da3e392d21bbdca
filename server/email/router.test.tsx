import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { EmailLayout, EmailText } from "@/components/emails/layout";
import { appRouter } from "../root";
import { createCallerFactory, type SessionUser } from "../trpc";
import { sendEmailWith } from "./send";

const createCaller = createCallerFactory(appRouter);
let handle: DbHandle;

function callerAs(role: SessionUser["role"]) {
  const user: SessionUser = { id: randomUUID(), email: `${role}@example.com`, name: null, role, sessionId: randomUUID() };
  return createCaller({ db: handle.db, user, requestId: "test", ip: "127.0.0.1", userAgent: null });
}

const config = { from: "BioSync <no-reply@biosync.test>", appUrl: "http://localhost:3000", logRecipients: false };

beforeAll(async () => {
  handle = await createTestDb();
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
afterAll(async () => {
  await handle.close();
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
