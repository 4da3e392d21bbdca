import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { notifications } from "@/db/schema/notifications";
import { withTestDb } from "@/db/testing";
import { startFakeResend } from "@/server/platform/email/testing";
import { deliver } from "./deliver";
import { notifiedUser, sampleContent } from "./testing";

// env() is read once per test file: Resend's address is fixed before anything reads it.
const port = vi.hoisted(() => {
  const chosen = 41_000 + Math.floor(Math.random() * 8_000);
  process.env.RESEND_API_KEY = "re_test_notifications";
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${chosen}`;
  return chosen;
});

const handle = withTestDb();
let resend: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  resend = await startFakeResend(port);
});
afterAll(async () => {
  await resend.close();
});

describe("deliver through Resend", () => {
  it("hands Resend the List-Unsubscribe headers and, after a failed send, retries under the same idempotency key once", async () => {
    const user = await notifiedUser(handle.db);
    const content = sampleContent("daily-summary", "d:resend");
    resend.answerWith(() => ({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "try again" } }));
    await expect(deliver(handle.db, user.id, content)).rejects.toThrow(/Resend did not accept/);
    // The in-app entry is there; the email is still to be sent; no copy was committed for the failed attempt.
    const [pending] = await handle.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(pending).toMatchObject({ emailState: "pending" });

    resend.answerWith(() => ({ status: 200, body: { id: "re_ok" } }));
    expect(await deliver(handle.db, user.id, content)).toMatchObject({ created: false, email: "sent" });
    expect(await deliver(handle.db, user.id, content)).toMatchObject({ created: false, email: "sent" });

    expect(resend.requests).toHaveLength(2);
    const keys = resend.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toBe(`notification-${pending!.id}`);
    expect(keys[1]).toBe(keys[0]);
    const sent = resend.requests[1]!.body;
    expect(sent.to).toBe(user.email);
    expect(sent.headers?.["List-Unsubscribe"]).toMatch(/^<http:\/\/.+\/unsubscribe\/[^>]+>$/);
    expect(sent.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const copies = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.userId, user.id));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ transport: "resend", status: "sent", providerMessageId: "re_ok" });
    expect(copies[0]!.headers).toEqual(sent.headers);
  });
});
