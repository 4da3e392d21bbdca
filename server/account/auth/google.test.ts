import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { completeGoogleSignIn, decideGoogleLink, type GoogleLinkFacts } from "./google";
import { createUser, findUserByEmail } from "./users";

const base: GoogleLinkFacts = { linkedUserId: null, googleEmail: "dana@example.com", googleEmailVerified: true, existingUser: null };

describe("decideGoogleLink", () => {
  it("signs in the user already linked to the Google account", () => {
    expect(decideGoogleLink({ ...base, linkedUserId: "u1", googleEmailVerified: false })).toEqual({ action: "sign-in", userId: "u1" });
  });

  it("creates an account for a new, verified Google address", () => {
    expect(decideGoogleLink(base)).toEqual({ action: "create" });
  });

  it("links to an existing account only when both sides verified the address", () => {
    expect(decideGoogleLink({ ...base, existingUser: { id: "u2", emailVerified: true } })).toEqual({ action: "link", userId: "u2" });
    expect(decideGoogleLink({ ...base, existingUser: { id: "u2", emailVerified: false } })).toEqual({ action: "refuse", reason: "AccountEmailUnverified" });
    expect(decideGoogleLink({ ...base, googleEmailVerified: false, existingUser: { id: "u2", emailVerified: true } })).toEqual({
      action: "refuse",
      reason: "GoogleEmailUnverified",
    });
  });

  it("refuses when Google gives no verified address", () => {
    expect(decideGoogleLink({ ...base, googleEmail: null })).toEqual({ action: "refuse", reason: "GoogleEmailUnverified" });
    expect(decideGoogleLink({ ...base, googleEmailVerified: false })).toEqual({ action: "refuse", reason: "GoogleEmailUnverified" });
  });
});

describe("completeGoogleSignIn", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  const profile = (sub: string, email: string, emailVerified = true) => ({ providerAccountId: sub, email, emailVerified, name: "G User", image: null });

  it("creates a verified, password-less account on first sign-in and finds it again by Google id", async () => {
    const first = await completeGoogleSignIn(handle.db, profile("g-1", "New@Example.com"));
    if (!first.ok) throw new Error("expected success");
    const user = await findUserByEmail(handle.db, "new@example.com");
    expect(user).toMatchObject({ id: first.userId, passwordHash: null, name: "G User" });
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await completeGoogleSignIn(handle.db, profile("g-1", "renamed@example.com"))).toEqual({ ok: true, userId: first.userId });
  });

  it("links a verified BioSync account and refuses an unverified one", async () => {
    const verified = await createUser(handle.db, { email: "verified@example.com", password: "a long passphrase", verified: true });
    expect(await completeGoogleSignIn(handle.db, profile("g-2", "verified@example.com"))).toEqual({ ok: true, userId: verified.id });

    await createUser(handle.db, { email: "unverified@example.com", password: "a long passphrase" });
    expect(await completeGoogleSignIn(handle.db, profile("g-3", "unverified@example.com"))).toEqual({ ok: false, reason: "AccountEmailUnverified" });
    expect(await completeGoogleSignIn(handle.db, profile("g-4", "verified@example.com", false))).toEqual({ ok: false, reason: "GoogleEmailUnverified" });
  });
});
