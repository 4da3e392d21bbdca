import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { consumeChallenge, storeChallenge } from "./webauthn-challenges";

let handle: DbHandle;
let owner: string;
let other: string;

beforeAll(async () => {
  handle = await createTestDb();
  const rows = await handle.db
    .insert(users)
    .values([{ email: `owner-${randomUUID()}@example.com` }, { email: `other-${randomUUID()}@example.com` }])
    .returning({ id: users.id });
  [owner, other] = rows.map((row) => row.id) as [string, string];
});
afterAll(() => handle.close());

describe("WebAuthn challenges", () => {
  it("are spent once, and only by their own purpose and user: anyone else's attempt leaves them live", async () => {
    const challenge = randomUUID();
    await storeChallenge(handle.db, { challenge, purpose: "second-factor", userId: owner });
    expect(await consumeChallenge(handle.db, { challenge, purpose: "second-factor", userId: other })).toBe(false);
    expect(await consumeChallenge(handle.db, { challenge, purpose: "sign-in", userId: null })).toBe(false);
    expect(await consumeChallenge(handle.db, { challenge, purpose: "second-factor", userId: owner })).toBe(true);
    expect(await consumeChallenge(handle.db, { challenge, purpose: "second-factor", userId: owner })).toBe(false);
  });
});
