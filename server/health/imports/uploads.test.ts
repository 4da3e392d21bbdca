import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { count, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fileImportChunks, fileImports, jobEvents } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "../../account/auth/users";
import { AppError } from "../../errors";
import { receiveUpload, settledUploadBytes } from "./uploads";

const FITBIT = readFileSync(path.resolve(process.cwd(), "../shared/data/samples/fitbit-dailyActivity-merged.csv"));

const testDb = withTestDb();
let userId: string;

async function* pieces(bytes: Buffer, size = 16 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) {
    // Let other uploads run in between, as separate requests would.
    await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(i, i + size);
  }
}

async function importsOfUser() {
  return testDb.db.select().from(fileImports).where(eq(fileImports.userId, userId));
}

beforeEach(async () => {
  userId = (await createUser(testDb.db, { email: `uploader-${randomUUID()}@example.com`, verified: true })).id;
});

describe("receiveUpload", () => {
  it("turns five parallel uploads of one file into one queued import, the others answered with it as a duplicate", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => receiveUpload(testDb.db, { userId, filename: "daily.csv", body: pieces(FITBIT) })));
    const winners = results.filter((r) => !r.duplicate);
    expect(winners).toHaveLength(1);
    expect(new Set(results.map((r) => r.import.id))).toEqual(new Set([winners[0]!.import.id]));
    const rows = await importsOfUser();
    expect(rows.map((r) => r.status)).toEqual(["queued"]);
    expect(await settledUploadBytes(testDb.db, userId)).toBe(FITBIT.length);
    const events = await testDb.db.select({ n: count() }).from(jobEvents).where(like(jobEvents.idempotencyKey, `import-${rows[0]!.id}`));
    expect(events).toEqual([{ n: 1 }]);
  });

  it("refuses a file that does not fit in the user's quota, saying how much is held and allowed, and stores nothing", async () => {
    const quotaBytes = Math.floor(FITBIT.length * 1.5);
    await receiveUpload(testDb.db, { userId, filename: "daily.csv", body: pieces(FITBIT), limits: { quotaBytes } });
    // Another person of the same file: a new import, which would take the held bytes over the quota.
    const refused = await receiveUpload(testDb.db, { userId, filename: "daily.csv", accountId: "8877689391", body: pieces(FITBIT), limits: { quotaBytes } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fields: [{ path: "file" }] });
    expect((refused as AppError).message).toMatch(/already hold 109 KB of the 163 KB allowed per account/);
    expect(await importsOfUser()).toHaveLength(1);
    expect(await settledUploadBytes(testDb.db, userId)).toBe(FITBIT.length);

    // A declared size over the rest is refused before the body is read.
    let read = false;
    const body = (async function* () {
      read = true;
      yield FITBIT;
    })();
    await expect(receiveUpload(testDb.db, { userId, filename: "daily.csv", body, declaredBytes: FITBIT.length, limits: { quotaBytes } })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(read).toBe(false);
  });

  it("counts pieces held by parallel uploads: together they may not exceed the quota", async () => {
    const quotaBytes = Math.floor(FITBIT.length * 1.5);
    const outcomes = await Promise.allSettled(
      ["1503960366", "8877689391"].map((accountId) => receiveUpload(testDb.db, { userId, filename: "daily.csv", accountId, body: pieces(FITBIT), limits: { quotaBytes } })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await settledUploadBytes(testDb.db, userId)).toBeLessThanOrEqual(quotaBytes);
  });

  it("limits how many uploads a user starts per window, answering with when to try again", async () => {
    const limits = { perWindow: 2, windowSeconds: 600 };
    for (let i = 0; i < 2; i++) await receiveUpload(testDb.db, { userId, filename: "daily.csv", body: pieces(FITBIT), limits });
    const refused = await receiveUpload(testDb.db, { userId, filename: "daily.csv", accountId: "8877689391", body: pieces(FITBIT), limits }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((refused as AppError).retryAfter).toBeGreaterThan(590);
    expect(await importsOfUser()).toHaveLength(1);
    expect(await testDb.db.select({ n: count() }).from(fileImportChunks).innerJoin(fileImports, eq(fileImports.id, fileImportChunks.importId)).where(eq(fileImports.userId, userId))).toEqual([{ n: 1 }]);
  });
});
