import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { auditEvents } from "@/db/schema/audit";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { setDemoTransport } from "@/server/health/demo/feed";
import { webhookSigners } from "@/server/health/providers/testing/webhook-signing";
import { tokenFromEmail } from "@/server/platform/email/testing";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { fileStorage, setFileStorage, userFileKey, userPrefix } from "@/server/platform/storage";
import { localFileStorage } from "@/server/platform/storage/local";
import { demoTransportThroughRoute, populateUser, type PopulatedUser, type World } from "@/server/security/testing/populated-user";
import { digest, rowsOwnedBy } from "@/server/security/testing/registry-rows";
import { callerFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import { DELETION_GRACE_DAYS } from "./policy";
import { rowsNaming, schemaTableCount } from "./testing/rows-naming";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.handle!.db, getDbHandle: async () => state.handle }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

const handle = withTestDb({ inProcessJobs: true });
const world: World = {
  get db() {
    return handle.db;
  },
  actAs: (user) => void (state.user = user),
};
const HOUR_MS = 3_600_000;

let a: PopulatedUser;
let b: PopulatedUser;

beforeAll(async () => {
  for (const signer of Object.values(webhookSigners)) for (const [name, value] of Object.entries(signer.env)) vi.stubEnv(name, value);
  state.handle = handle.handle;
  setFileStorage(localFileStorage(mkdtempSync(path.join(tmpdir(), "biosync-erase-"))));
  setDemoTransport(demoTransportThroughRoute);
  a = await populateUser(world, { label: "erin", ip: "198.51.100.21", fitbitAccountId: "1503960366", heightCm: 170 });
  b = await populateUser(world, { label: "bert", ip: "203.0.113.22", fitbitAccountId: "1624580081", heightCm: 182, demo: false });
  for (const user of [a, b]) {
    await fileStorage().put(userFileKey(user.session.id, "exports", "all.zip"), Readable.from(["archive bytes"]));
    await fileStorage().put(userFileKey(user.session.id, "exports", "hr.csv"), Readable.from(["ts,bpm\n"]));
  }
}, 600_000);

afterAll(() => {
  setDemoTransport(null);
  setFileStorage(null);
  vi.unstubAllEnvs();
});

describe("account erasure", () => {
  it("request → emailed link → grace → the hourly job: zero rows naming the user in any table, no files, a receipt and an audit entry; the other user untouched", { timeout: 300_000 }, async () => {
    const { db } = handle;
    const caller = callerFor(db, a.session);
    const id = a.session.id;

    await caller.privacy.deletion.request({ currentPassword: a.password });
    const token = await tokenFromEmail(db, a.session.email, "confirm-account-deletion", "settings/privacy/delete");
    const confirmed = await caller.privacy.deletion.confirm({ token });
    expect(confirmed.state).toBe("scheduled");
    expect(confirmed.scheduledFor!.getTime() - Date.now()).toBeGreaterThan((DELETION_GRACE_DAYS - 1) * 24 * HOUR_MS);

    // Within the grace period the hourly clock leaves it alone.
    await emit(db, "clock/account-deletions-due", { at: new Date().toISOString() });
    await drainJobs(db, { timeoutMs: 60_000 });
    expect((await caller.privacy.deletion.status()).state).toBe("scheduled");

    // The dry run's counts are the user's rows in every registry table, and their files.
    const plan = await caller.privacy.deletion.dryRun();
    // populateUser's CSV export (through the export job) and the two files written above.
    const filesOfA = await fileStorage().list(userPrefix(id));
    const filesOfB = await fileStorage().list(userPrefix(b.session.id));
    expect(filesOfA.length).toBeGreaterThanOrEqual(3);
    const owned = await rowsOwnedBy(db, id);
    expect(Object.fromEntries(plan.tables.map((t) => [t.table, t.rows]))).toEqual(Object.fromEntries([...owned].map(([table, rows]) => [table, rows.length])));
    expect(plan.files).toBe(filesOfA.length);
    expect(plan.deletedRows).toBeGreaterThan(1_000);
    expect(Object.keys(await rowsNaming(db, id)).length).toBeGreaterThan(20);
    const bBefore = digest(await rowsOwnedBy(db, b.session.id));

    // The grace period passes (the app's clock; the database's stays, so the job queue runs as ever).
    vi.useFakeTimers({ toFake: ["Date"], now: confirmed.scheduledFor!.getTime() + HOUR_MS });
    try {
      await emit(db, "clock/account-deletions-due", { at: new Date().toISOString() });
      const drained = await drainJobs(db, { timeoutMs: 120_000 });
      expect(drained.outcomes.failed ?? 0).toBe(0);
    } finally {
      vi.useRealTimers();
    }

    expect(schemaTableCount).toBeGreaterThan(40);
    expect(await rowsNaming(db, id)).toEqual({});
    expect(await fileStorage().list(userPrefix(id))).toEqual([]);
    expect(await fileStorage().list(userPrefix(b.session.id))).toEqual(filesOfB);
    expect(digest(await rowsOwnedBy(db, b.session.id))).toEqual(bBefore);

    const [receipt] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.to, a.session.email), eq(emailOutbox.tag, "account-erased")));
    expect(receipt?.userId).toBeNull();
    expect(receipt?.text).toContain(`${plan.deletedRows} records`);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "privacy.account-erased"));
    expect(audit).toMatchObject({ actorUserId: null, subjectUserId: null, details: expect.objectContaining({ deletedRows: plan.deletedRows, files: filesOfA.length }) });
    // The admin's reading of the user's email stays, detached.
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "outbox.message-opened"), isNull(auditEvents.subjectUserId)))).toHaveLength(1);

    // A retry of the erasure (the event again) finds nothing to do.
    await emit(db, "privacy/account-deletion.due", { deletionId: audit!.targetId! });
    expect((await drainJobs(db, { timeoutMs: 30_000 })).outcomes.failed ?? 0).toBe(0);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.tag, "account-erased"))).toHaveLength(1);
  });
});
