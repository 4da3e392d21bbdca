import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authTokens } from "@/db/schema/auth";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { hashToken } from "@/server/account/auth/tokens";
import { createUser } from "@/server/account/auth/users";
import type { JobContext, JobStepTools } from "../../define";
import type { EventName } from "../../events";
import { sendEmailChangeEmail } from "./send-email-change-email";
import { sendPasswordResetEmail } from "./send-password-reset-email";
import { sendVerificationEmail } from "./send-verification-email";

const handle = withTestDb();

/** Runs a handler once with pass-through steps, recording the step results. */
async function run<N extends EventName>(fn: { local: { handler: (ctx: JobContext<N>) => Promise<unknown> } }, data: JobContext<N>["event"]["data"], name: N) {
  const results: unknown[] = [];
  const step: JobStepTools = {
    run: async (_id, body) => {
      const value = await body();
      results.push(value);
      return value;
    },
    sleep: async () => {},
    sendEvent: async () => {},
  };
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  const output = await fn.local.handler({ event: { name, data }, step, db: handle.db, logger: silent, attempt: 0 });
  return { output, results };
}

async function linkIn(to: string, tag: string) {
  const [email] = await handle.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, to), eq(emailOutbox.tag, tag)));
  if (!email) throw new Error(`no ${tag} email to ${to}`);
  const match = email.text.match(/(https?:\/\/\S+\?token=([A-Za-z0-9_-]+))/);
  if (!match?.[1] || !match[2]) throw new Error(`no link in ${email.text}`);
  return { url: match[1], token: match[2], email };
}

describe("auth email functions", () => {
  it("send-verification-email stores a hashed token and emails the link; the raw token is not a step result", async () => {
    const user = await createUser(handle.db, { email: "verify-fn@example.com", name: "Vera" });
    const { results } = await run(sendVerificationEmail, { userId: user.id }, "auth/verification-email.requested");
    const { url, token, email } = await linkIn("verify-fn@example.com", "verify-email");
    expect(url).toMatch(/^https?:\/\/[^/]+\/verify-email\?token=/);
    expect(email.subject).toMatch(/Confirm your email/);
    expect(email.html).toContain("Vera");
    // Marked, so that with Resend the stored copy loses the link and in the outbox its openings are audited.
    expect(email.secretLink).toBe("stored");
    const [row] = await handle.db.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(row).toMatchObject({ purpose: "verify_email", userId: user.id, email: "verify-fn@example.com", usedAt: null });
    expect(JSON.stringify(results)).not.toContain(token);
  });

  it("send-verification-email skips verified users", async () => {
    const user = await createUser(handle.db, { email: "already@example.com", verified: true });
    expect((await run(sendVerificationEmail, { userId: user.id }, "auth/verification-email.requested")).output).toEqual({ skipped: "already verified" });
  });

  it("send-password-reset-email sends a reset link", async () => {
    const user = await createUser(handle.db, { email: "reset-fn@example.com", password: "a long passphrase" });
    await run(sendPasswordResetEmail, { userId: user.id }, "auth/password-reset.requested");
    const { url, token, email } = await linkIn("reset-fn@example.com", "reset-password");
    expect(url).toContain("/reset-password?token=");
    expect(email.secretLink).toBe("stored");
    const [row] = await handle.db.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(row?.purpose).toBe("reset_password");
  });

  it("send-email-change-email writes to the new address only", async () => {
    const user = await createUser(handle.db, { email: "old-fn@example.com", password: "a long passphrase" });
    await run(sendEmailChangeEmail, { userId: user.id, newEmail: "New-Fn@example.com" }, "auth/email-change.requested");
    const { url, token, email } = await linkIn("new-fn@example.com", "confirm-email-change");
    expect(url).toContain("/confirm-email?token=");
    expect(email.secretLink).toBe("stored");
    const [row] = await handle.db.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(row).toMatchObject({ purpose: "change_email", email: "new-fn@example.com" });
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, "old-fn@example.com"))).toHaveLength(0);
  });
});
