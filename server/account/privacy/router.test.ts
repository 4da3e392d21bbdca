import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { recordAudit } from "@/server/platform/audit/audit";
import { tokenFromEmail } from "@/server/platform/email/testing";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "../../testing";
import { createUser } from "../auth/users";
import { beginErasure, dueDeletionsPage } from "./deletion";
import { DELETION_GRACE_DAYS, PRIVACY_POLICY_VERSION } from "./policy";

const handle = withTestDb({ inProcessJobs: true });
const PASSWORD = "Quiet-harbour-lantern-3";
const DAY_MS = 86_400_000;

async function account(email: string) {
  const user = await createUser(handle.db, { email, password: PASSWORD, name: "Privacy Person" });
  return { user, caller: callerFor(handle.db, sessionFor(user)) };
}

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  expect((await rejectionOf(promise, TRPCError)).code).toBe(code);
}

describe("privacy.settings and the consent history", () => {
  it("records each consent change with its time and the policy version, and nothing for a value saved again", async () => {
    const { caller } = await account("consents@example.com");
    expect(await caller.privacy.settings.get()).toMatchObject({ shareAnonymousData: false, researchOptIn: false, rawPayloadRetentionDays: null, policyVersion: PRIVACY_POLICY_VERSION });

    const shared = await caller.privacy.settings.update({ shareAnonymousData: true });
    expect(shared.shareAnonymousDataChangedAt).toBeInstanceOf(Date);
    expect(shared.researchOptInChangedAt).toBeNull();
    const unchanged = await caller.privacy.settings.update({ shareAnonymousData: true, researchOptIn: false });
    expect(unchanged.shareAnonymousDataChangedAt?.getTime()).toBe(shared.shareAnonymousDataChangedAt?.getTime());
    await caller.privacy.settings.update({ researchOptIn: true });
    await caller.privacy.settings.update({ shareAnonymousData: false });

    const history = await caller.privacy.consents.history({ limit: 2 });
    expect(history.items.map((r) => [r.consent, r.granted, r.version])).toEqual([
      ["share_anonymous_data", false, PRIVACY_POLICY_VERSION],
      ["research", true, PRIVACY_POLICY_VERSION],
    ]);
    const rest = await caller.privacy.consents.history({ limit: 2, cursor: history.nextCursor });
    expect(rest.items.map((r) => [r.consent, r.granted])).toEqual([["share_anonymous_data", true]]);
    expect(rest.nextCursor).toBeNull();

    // Another user sees none of it.
    expect((await (await account("consents-other@example.com")).caller.privacy.consents.history({ limit: 10 })).items).toEqual([]);
  });

  it("takes a retention of 30, 90 or 365 days or none, and names the field otherwise", async () => {
    const { caller } = await account("retention-setting@example.com");
    expect((await caller.privacy.settings.update({ rawPayloadRetentionDays: 90 })).rawPayloadRetentionDays).toBe(90);
    expect((await caller.privacy.settings.update({ rawPayloadRetentionDays: null })).rawPayloadRetentionDays).toBeNull();
    expect(await badRequestFields(caller.privacy.settings.update({ rawPayloadRetentionDays: 45 as 30 }))).toEqual(["rawPayloadRetentionDays"]);
    expect(await badRequestFields(caller.privacy.settings.update({ researchOptIn: "yes" as unknown as boolean }))).toEqual(["researchOptIn"]);
  });
});

describe("privacy.deletion", () => {
  it("request (password again) → emailed link → confirm → scheduled after the grace period → cancel", async () => {
    const { caller } = await account("leaving@example.com");
    const other = await account("staying@example.com");
    expect(await badRequestFields(caller.privacy.deletion.request({ currentPassword: "not the password" }))).toEqual(["currentPassword"]);
    expect((await caller.privacy.deletion.status()).state).toBe("none");

    const requested = await caller.privacy.deletion.request({ currentPassword: PASSWORD });
    expect(requested).toMatchObject({ state: "requested", receiptEmail: "leaving@example.com", scheduledFor: null });
    const token = await tokenFromEmail(handle.db, "leaving@example.com", "confirm-account-deletion", "settings/privacy/delete");

    // Someone else's link does nothing, and stays usable by its owner.
    expect(await badRequestFields(other.caller.privacy.deletion.confirm({ token }))).toEqual(["token"]);
    const confirmed = await caller.privacy.deletion.confirm({ token });
    expect(confirmed.state).toBe("scheduled");
    const graceMs = confirmed.scheduledFor!.getTime() - Date.now();
    expect(graceMs).toBeGreaterThan(DELETION_GRACE_DAYS * DAY_MS - 60_000);
    expect(graceMs).toBeLessThanOrEqual(DELETION_GRACE_DAYS * DAY_MS);
    expect(await badRequestFields(caller.privacy.deletion.confirm({ token }))).toEqual(["token"]);
    await expectCode(caller.privacy.deletion.request({ currentPassword: PASSWORD }), "CONFLICT");

    // Due only once the grace period is over.
    const ids = (at: Date) => dueDeletionsPage(handle.db, at, null).then((page) => page.events.map((e) => e.data.deletionId));
    expect(await ids(new Date())).toEqual([]);
    expect(await ids(new Date(confirmed.scheduledFor!.getTime() + 1))).toHaveLength(1);

    const [deletionId] = await ids(new Date(confirmed.scheduledFor!.getTime() + 1));
    // The erasure job refuses to start before the grace period is over, or once cancelled.
    expect(await beginErasure(handle.db, deletionId!)).toBe(false);
    expect((await caller.privacy.deletion.cancel()).state).toBe("none");
    expect(await ids(new Date(confirmed.scheduledFor!.getTime() + 1))).toEqual([]);
    expect(await beginErasure(handle.db, deletionId!, new Date(confirmed.scheduledFor!.getTime() + 1))).toBe(false);
    await expectCode(caller.privacy.deletion.cancel(), "CONFLICT");
    expect((await other.caller.privacy.deletion.status()).state).toBe("none");

    const activity = await caller.privacy.activity.list({ limit: 10 });
    expect(activity.items.map((i) => [i.action, i.who])).toEqual([
      ["privacy.deletion-cancelled", "you"],
      ["privacy.deletion-confirmed", "you"],
      ["privacy.deletion-requested", "you"],
    ]);
    expect(activity.items[0]!.label).toBe("Cancelled the deletion of your account");
  });

  it("cancelling a request that was not confirmed yet kills its link", async () => {
    const { caller } = await account("second-thoughts@example.com");
    await caller.privacy.deletion.request({ currentPassword: PASSWORD });
    const token = await tokenFromEmail(handle.db, "second-thoughts@example.com", "confirm-account-deletion", "settings/privacy/delete");
    await caller.privacy.deletion.cancel();
    expect(await badRequestFields(caller.privacy.deletion.confirm({ token }))).toEqual(["token"]);
    expect((await caller.privacy.deletion.status()).state).toBe("none");
  });
});

describe("privacy.activity", () => {
  it("lists the audit events about the user, saying who: you, an administrator or BioSync, newest first, paginated", async () => {
    const { user, caller } = await account("watched@example.com");
    const admin = await createUser(handle.db, { email: "privacy-admin@example.com", role: "admin" });
    const t0 = Date.now() - 10_000;
    await recordAudit(handle.db, { action: "outbox.message-opened", actorUserId: admin.id, subjectUserId: user.id }, new Date(t0));
    await recordAudit(handle.db, { action: "privacy.raw-payloads-removed", actorUserId: null, subjectUserId: user.id }, new Date(t0 + 1000));
    await caller.privacy.settings.update({ rawPayloadRetentionDays: 30 });
    await recordAudit(handle.db, { action: "outbox.message-opened", actorUserId: admin.id, subjectUserId: admin.id }, new Date(t0 + 2000));

    const first = await caller.privacy.activity.list({ limit: 2 });
    expect(first.items.map((i) => [i.who, i.label])).toEqual([
      ["you", "Changed how long raw device data is kept"],
      ["BioSync", "Removed raw device data past its retention period"],
    ]);
    const second = await caller.privacy.activity.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => [i.who, i.action])).toEqual([["an administrator", "outbox.message-opened"]]);
    expect(second.nextCursor).toBeNull();
  });
});
