import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens } from "@/db/schema/api-tokens";
import { auditEvents } from "@/db/schema/audit";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { hashToken } from "@/server/account/auth/tokens";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "@/server/testing";
import { MAX_LIVE_API_TOKENS } from "./limits";
import { API_TOKEN_PREFIX, authenticateApiToken, LAST_USED_RESOLUTION_MS } from "./tokens";

const test = withTestDb();

async function signedIn() {
  const user = await createUser(test.db, { email: `tokens-${randomUUID()}@example.com`, verified: true });
  return { user, caller: callerFor(test.db, sessionFor(user)) };
}

describe("apiTokens.create / list / revoke", () => {
  it("shows the secret once and stores only its SHA-256; the list carries the prefix, never the secret", async () => {
    const { user, caller } = await signedIn();
    const created = await caller.apiTokens.create({ name: "  Home Assistant  ", scope: "read" });
    expect(created.secret.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(created.token).toMatchObject({ name: "Home Assistant", scope: "read", prefix: created.secret.slice(0, 12), lastUsedAt: null, expiresAt: null, expired: false });
    const [row] = await test.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(row!.tokenHash).toBe(hashToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const page = await caller.apiTokens.list({});
    expect(page.items.map((t) => t.id)).toEqual([created.token.id]);
    expect(JSON.stringify(page)).not.toContain(created.secret);
  });

  it("audits creating and revoking, and a revoked token no longer authenticates nor lists", async () => {
    const { user, caller } = await signedIn();
    const { token, secret } = await caller.apiTokens.create({ name: "CLI", scope: "write", expiresInDays: 90 });
    expect(token.expiresAt!.getTime() - token.createdAt.getTime()).toBe(90 * 86_400_000);
    expect((await authenticateApiToken(test.db, secret))?.apiToken).toEqual({ id: token.id, scope: "write" });
    expect(await caller.apiTokens.revoke({ id: token.id })).toEqual({ id: token.id });
    expect(await authenticateApiToken(test.db, secret)).toBeNull();
    expect((await caller.apiTokens.list({})).items).toEqual([]);
    const actions = await test.db.select({ action: auditEvents.action, targetId: auditEvents.targetId }).from(auditEvents).where(eq(auditEvents.subjectUserId, user.id));
    expect(actions).toEqual(expect.arrayContaining([{ action: "api-tokens.created", targetId: token.id }, { action: "api-tokens.revoked", targetId: token.id }]));
    expect((await rejectionOf(caller.apiTokens.revoke({ id: token.id }), TRPCError)).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for another user's token and leaves it working", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const { token, secret } = await owner.caller.apiTokens.create({ name: "mine", scope: "read" });
    expect((await rejectionOf(other.caller.apiTokens.revoke({ id: token.id }), TRPCError)).code).toBe("NOT_FOUND");
    expect(await authenticateApiToken(test.db, secret)).not.toBeNull();
    expect((await other.caller.apiTokens.list({})).items).toEqual([]);
  });

  it(`caps live tokens at ${MAX_LIVE_API_TOKENS}; revoking one makes room`, async () => {
    const { caller } = await signedIn();
    const made = [];
    for (let i = 0; i < MAX_LIVE_API_TOKENS; i++) made.push(await caller.apiTokens.create({ name: `t${i}`, scope: "read" }));
    const refused = await rejectionOf(caller.apiTokens.create({ name: "one too many", scope: "read" }), TRPCError);
    expect(refused.code).toBe("CONFLICT");
    expect(refused.cause).toMatchObject({ reason: "api-token.limit-reached" });
    await caller.apiTokens.revoke({ id: made[0]!.token.id });
    await expect(caller.apiTokens.create({ name: "room again", scope: "read" })).resolves.toMatchObject({ token: { name: "room again" } });
    const first = await caller.apiTokens.list({ limit: 15 });
    const second = await caller.apiTokens.list({ limit: 15, cursor: first.nextCursor });
    expect(first.items).toHaveLength(15);
    expect(second.items).toHaveLength(MAX_LIVE_API_TOKENS - 15);
    expect(second.nextCursor).toBeNull();
  });

  it("names the bad field", async () => {
    const { caller } = await signedIn();
    expect(await badRequestFields(caller.apiTokens.create({ name: "   ", scope: "read" }))).toEqual(["name"]);
    expect(await badRequestFields(caller.apiTokens.create({ name: "x", scope: "admin" as "read" }))).toEqual(["scope"]);
    expect(await badRequestFields(caller.apiTokens.create({ name: "x", scope: "read", expiresInDays: 7 }))).toEqual(["expiresInDays"]);
  });

  it("needs a session", async () => {
    expect((await rejectionOf(callerFor(test.db, null).apiTokens.list({}), TRPCError)).code).toBe("UNAUTHORIZED");
  });
});

describe("authenticateApiToken", () => {
  it("refuses an expired token, a disabled account and anything that is not one of ours", async () => {
    const { user, caller } = await signedIn();
    const { secret, token } = await caller.apiTokens.create({ name: "short", scope: "read", expiresInDays: 30 });
    expect(await authenticateApiToken(test.db, secret, new Date(token.expiresAt!.getTime() - 1000))).not.toBeNull();
    expect(await authenticateApiToken(test.db, secret, token.expiresAt!)).toBeNull();
    expect(await authenticateApiToken(test.db, `${secret}x`)).toBeNull();
    expect(await authenticateApiToken(test.db, secret.slice(API_TOKEN_PREFIX.length))).toBeNull();
    await test.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await authenticateApiToken(test.db, secret)).toBeNull();
  });

  it("gives the token's user with no session, and moves last_used_at at most once a minute", async () => {
    const { user, caller } = await signedIn();
    const { secret, token } = await caller.apiTokens.create({ name: "poller", scope: "read" });
    const t0 = new Date(Date.now() + 1000);
    const caller0 = await authenticateApiToken(test.db, secret, t0);
    expect(caller0?.user).toEqual({ id: user.id, email: user.email, name: null, role: "user", sessionId: "" });
    await authenticateApiToken(test.db, secret, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    const lastUsed = async () => (await test.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(and(eq(apiTokens.id, token.id))))[0]!.at;
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticateApiToken(test.db, secret, later);
    expect(await lastUsed()).toEqual(later);
  });
});
