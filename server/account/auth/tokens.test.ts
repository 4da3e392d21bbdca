import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authTokens } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { AppError } from "../../errors";
import { rejectionOf } from "../../testing";
import { consumeToken, hashToken, issueToken, revokeOutstandingTokens, TOKEN_TTL_SECONDS } from "./tokens";
import { createUser } from "./users";

const handle = withTestDb();

async function newUser(email: string) {
  return createUser(handle.db, { email });
}

describe("auth tokens", () => {
  it("stores only the SHA-256 of a 32-byte random token", async () => {
    const user = await newUser("hash@example.com");
    const { token } = await issueToken(handle.db, { purpose: "verify_email", userId: user.id, email: user.email });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await handle.db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(rows[0]?.tokenHash).not.toContain(token);
  });

  it("works exactly once", async () => {
    const user = await newUser("once@example.com");
    const { token } = await issueToken(handle.db, { purpose: "verify_email", userId: user.id, email: user.email });
    expect(await consumeToken(handle.db, "verify_email", token)).toEqual({ userId: user.id, email: user.email });
    const error = await rejectionOf(consumeToken(handle.db, "verify_email", token), AppError);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fields?.[0]?.path).toBe("token");
  });

  it("is bound to its purpose", async () => {
    const user = await newUser("purpose@example.com");
    const { token } = await issueToken(handle.db, { purpose: "verify_email", userId: user.id, email: user.email });
    await rejectionOf(consumeToken(handle.db, "reset_password", token), AppError);
    expect((await consumeToken(handle.db, "verify_email", token)).userId).toBe(user.id);
  });

  it("expires: a reset link after one hour", async () => {
    const user = await newUser("expiry@example.com");
    const issuedAt = new Date("2030-01-01T10:00:00Z");
    const { token, expiresAt } = await issueToken(handle.db, { purpose: "reset_password", userId: user.id, email: user.email, now: issuedAt });
    expect(expiresAt.getTime() - issuedAt.getTime()).toBe(TOKEN_TTL_SECONDS.reset_password * 1000);
    expect(TOKEN_TTL_SECONDS.reset_password).toBe(3600);
    await rejectionOf(consumeToken(handle.db, "reset_password", token, new Date("2030-01-01T11:00:00Z")), AppError);
    expect((await consumeToken(handle.db, "reset_password", token, new Date("2030-01-01T10:59:59Z"))).userId).toBe(user.id);
  });

  it("replaces an earlier reset link with a newer one", async () => {
    const user = await newUser("supersede@example.com");
    const first = await issueToken(handle.db, { purpose: "reset_password", userId: user.id, email: user.email });
    const second = await issueToken(handle.db, { purpose: "reset_password", userId: user.id, email: user.email });
    await rejectionOf(consumeToken(handle.db, "reset_password", first.token), AppError);
    expect((await consumeToken(handle.db, "reset_password", second.token)).userId).toBe(user.id);
  });

  it("keeps one live link per purpose, for every purpose, even when issued at the same moment", async () => {
    const user = await newUser("one-live@example.com");
    for (const purpose of ["verify_email", "reset_password", "change_email"] as const) {
      const issued = await Promise.all([1, 2, 3].map(() => issueToken(handle.db, { purpose, userId: user.id, email: user.email })));
      const live = [];
      for (const { token } of issued) live.push(await consumeToken(handle.db, purpose, token).then(() => token, () => null));
      expect(live.filter(Boolean), purpose).toHaveLength(1);
    }
  });

  it("revokeOutstandingTokens ends the unused links of the account, and only of that account", async () => {
    const user = await newUser("revoke-all@example.com");
    const other = await newUser("bystander@example.com");
    const reset = await issueToken(handle.db, { purpose: "reset_password", userId: user.id, email: user.email });
    const verify = await issueToken(handle.db, { purpose: "verify_email", userId: user.id, email: user.email });
    const others = await issueToken(handle.db, { purpose: "reset_password", userId: other.id, email: other.email });
    expect(await revokeOutstandingTokens(handle.db, user.id)).toBe(2);
    await rejectionOf(consumeToken(handle.db, "reset_password", reset.token), AppError);
    await rejectionOf(consumeToken(handle.db, "verify_email", verify.token), AppError);
    expect((await consumeToken(handle.db, "reset_password", others.token)).userId).toBe(other.id);
  });

  it("rejects unknown tokens", async () => {
    await rejectionOf(consumeToken(handle.db, "verify_email", "x".repeat(43)), AppError);
  });
});
