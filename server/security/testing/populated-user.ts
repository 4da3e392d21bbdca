import { and, eq } from "drizzle-orm";
import { readFileSync } from "node:fs";
import path from "node:path";
import { POST as uploadRoute } from "@/app/api/imports/route";
import { GET as connectRoute } from "@/app/api/devices/[provider]/connect/route";
import { GET as fileRoute } from "@/app/api/files/[token]/route";
import { POST as webhookRoute } from "@/app/api/webhooks/[provider]/route";
import { GET as restRoute } from "@/app/api/v1/[...path]/route";
import type { Database } from "@/db";
import { emailOutbox } from "@/db/schema/email";
import { createSession } from "@/server/account/auth/sessions";
import { completeGoogleSignIn } from "@/server/account/auth/google";
import { issueToken } from "@/server/account/auth/tokens";
import { createUser, findUserByEmail } from "@/server/account/auth/users";
import { relyingParty } from "@/server/account/two-factor/relying-party";
import { secondStepPasskeyOptions, startSecondStep } from "@/server/account/two-factor/sign-in";
import { SoftAuthenticator } from "@/server/account/two-factor/testing/soft-authenticator";
import { totpCodeAt } from "@/server/account/two-factor/totp";
import { activateConnection } from "@/server/health/devices/connections";
import { addDays, localDate } from "@/server/health/local-date";
import { lastCompleteWeekStart, weekLabel } from "@/server/health/reports/week";
import { webhookSigners } from "@/server/health/providers/testing/webhook-signing";
import { TERRA_USER, terraBody, terraDailyRecord, terraSleepRecord } from "@/server/health/providers/terra/testing/fixtures";
import { startFakePushService } from "@/server/account/notifications/push/testing/fake-push-service";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { tokenFromEmail } from "@/server/platform/email/testing";
import { callerFor, sessionFor } from "@/server/testing";
import { TestDevice } from "@/server/sync/testing/device";
import { populateInsights } from "./populated-insights";
import type { SessionUser } from "@/server/trpc";

/*
 * A user holding real data, put there through the paths the app uses: registration, sessions,
 * profile and onboarding, the demo wearable (signed webhooks through the route, then the jobs),
 * a Terra webhook, file uploads through the upload route and the import job, an OAuth start,
 * a Google link, email links, two-step sign-in (authenticator app, recovery codes, a passkey, a
 * pending second step with its passkey challenge). Route handlers read the signed-in user from
 * `actAs` (the test mocks the session lookup with it).
 */

const SAMPLES = path.resolve(process.cwd(), "../shared/data/samples");
const TIME_ZONE = "Europe/Berlin";

export interface World {
  db: Database;
  /** Makes route handlers see `user` as the signed-in user (null: anonymous). */
  actAs(user: SessionUser | null): void;
}

/** The world of a test that mocks `@/db` and the session with `state` (see the isolation matrix's vi.mock lines). */
export function worldOf(handle: { readonly db: Database }, state: { user: SessionUser | null }): World {
  return {
    get db() {
      return handle.db;
    },
    actAs: (user) => void (state.user = user),
  };
}

export interface PopulatedUser {
  session: SessionUser;
  password: string;
  name: string;
  /** The Fitbit account id of the CSV rows imported. */
  fitbitAccountId: string;
  terraUserId: string;
}

export interface UserSpec {
  label: string;
  ip: string;
  fitbitAccountId: string;
  heightCm: number;
  /** Connect the demo wearable (its backfill is the slow part). Default true. */
  demo?: boolean;
}

async function uploadFile(world: World, bytes: Buffer, query: string): Promise<void> {
  const response = await uploadRoute(new Request(`http://localhost/api/imports?${query}`, { method: "POST", body: new Uint8Array(bytes), duplex: "half" } as RequestInit));
  if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
}

/** A WHOOP journal export: two cycles, three questions, a note, a question of the user's own. */
function whoopJournalCsv(label: string): string {
  return [
    "Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes",
    "2025-10-01 23:12:00,2025-10-02 22:40:00,UTC+01:00,Have any alcoholic drinks?,true,",
    "2025-10-01 23:12:00,2025-10-02 22:40:00,UTC+01:00,Experience stress?,false,",
    `2025-10-01 23:12:00,2025-10-02 22:40:00,UTC+01:00,Matrix ${label} cold plunge?,true,Matrix ${label} WHOOP note`,
    "2025-10-02 22:40:00,2025-10-03 23:05:00,UTC+01:00,Have any alcoholic drinks?,false,",
  ].join("\n");
}

async function postWebhook(provider: string, body: string, headers: Record<string, string>): Promise<void> {
  const request = new Request(`http://localhost/api/webhooks/${provider}`, { method: "POST", body, headers });
  const response = await webhookRoute(request, { params: Promise.resolve({ provider }) });
  if (response.status !== 200) throw new Error(`webhook refused: ${response.status} ${await response.text()}`);
}

/** The demo wearable's webhooks go through the real route (see setDemoTransport). */
export const demoTransportThroughRoute = (body: string, headers: Record<string, string>) => postWebhook("demo", body, headers);

export async function populateUser(world: World, spec: UserSpec): Promise<PopulatedUser> {
  const { db } = world;
  const email = `${spec.label}@matrix.example`;
  const password = `Matrix-${spec.label}-passphrase-7`;
  const name = `Matrix ${spec.label} Quillfeather`;
  const anonymous = callerFor(db, null, { ip: spec.ip });
  await anonymous.auth.register({ email, password, name });
  const registered = await findUserByEmail(db, email);
  if (!registered) throw new Error(`registration of ${email} stored no account`);
  const { id } = registered;
  const sessionId = await createSession(db, { userId: id, ip: spec.ip, userAgent: `MatrixBrowser/${spec.label}` });
  await createSession(db, { userId: id, ip: spec.ip, userAgent: `MatrixPhone/${spec.label}` });
  const session = sessionFor({ id, email, name }, sessionId);
  const caller = callerFor(db, session, { ip: spec.ip });
  world.actAs(session);

  // Email verified through its link; then a Google account linked to the verified address.
  const { token } = await issueToken(db, { purpose: "verify_email", userId: id, email });
  await anonymous.auth.verifyEmail({ token });
  const linked = await completeGoogleSignIn(db, { providerAccountId: `google-${spec.label}-sub`, email, emailVerified: true, name, image: null });
  if (!linked.ok) throw new Error(`google link refused: ${linked.reason}`);

  await caller.profile.update({ name, heightCm: spec.heightCm, weightKg: 71.5, timeZone: TIME_ZONE, units: "metric" });
  await caller.profile.onboarding.saveStep({ step: "age", data: { age: 41 } });
  await caller.profile.onboarding.saveStep({ step: "goal", data: { goal: "sleep" } });
  await caller.profile.onboarding.saveStep({ step: "device", data: { deviceChoice: "now" } });
  await caller.profile.onboarding.saveStep({ step: "preferences", data: { units: "metric", timeZone: TIME_ZONE } });
  await caller.profile.onboarding.complete();
  await caller.profile.notifications.update({ weeklyReport: true, marketing: true });
  await caller.privacy.settings.update({ researchOptIn: true, rawPayloadRetentionDays: 365 });
  await caller.energyScore.setWeights({ weights: { hrv: 24, temperature: 6 } });
  // An admin puts the user on a paid plan by hand (audited, with the reason).
  const admin = await createUser(db, { email: `admin-${spec.label}@matrix.example`, role: "admin", verified: true });
  const adminCaller = callerFor(db, sessionFor(admin), { ip: spec.ip });
  await adminCaller.admin.users.setPlan({ userId: id, plan: "pro", reason: `Matrix ${spec.label} support upgrade` });

  // Wearables: the demo device (backfill by signed webhooks), a Terra account, an OAuth start.
  if (spec.demo !== false) await caller.devices.connectDemo();
  const terraUserId = `terra-${spec.label}`;
  await activateConnection(db, { userId: id, provider: "terra", externalUserId: terraUserId });
  const terraUser = { ...TERRA_USER, user_id: terraUserId, reference_id: id };
  for (const body of [terraBody("daily", [terraDailyRecord(9_000 + spec.heightCm, 2_250)], terraUser), terraBody("sleep", [terraSleepRecord({ summaryId: `sleep-${spec.label}` })], terraUser)]) {
    await postWebhook("terra", body, webhookSigners.terra.sign(body, new Date()));
  }
  const started = await connectRoute(new Request("http://localhost/api/devices/oura/connect?redirectTo=/dashboard"), { params: Promise.resolve({ provider: "oura" }) });
  if (started.status !== 302) throw new Error(`oura connect did not start: ${started.status} ${await started.text()}`);
  await caller.devices.priority.set({ order: ["terra", "demo", "apple_health", "fitbit"] });

  // Files: the Apple Health export sample and one account's rows of the Fitbit CSV.
  await uploadFile(world, readFileSync(path.join(SAMPLES, "apple-health-export-simonw.xml")), `filename=export-${spec.label}.xml`);
  await uploadFile(world, readFileSync(path.join(SAMPLES, "fitbit-dailyActivity-merged.csv")), `filename=daily-${spec.label}.csv&accountId=${spec.fitbitAccountId}`);

  // The journal: yesterday's entry with a tag of their own and a note, then WHOOP's journal export uploaded.
  await caller.journal.save({
    date: addDays(localDate(new Date(), null, TIME_ZONE), -1),
    mood: 7,
    energy: 6,
    tags: ["alcohol", `${spec.label} sauna session`],
    notes: `Matrix ${spec.label} journal note`,
  });
  await uploadFile(world, Buffer.from(whoopJournalCsv(spec.label)), `filename=journal_entries-${spec.label}.csv`);

  // Sync: two devices change the same setting from the same base (a conflict kept), one sends a change the
  // server refuses, and one deletes an entry it wrote offline (a tombstone); both pull.
  const laptop = new TestDevice(caller, `${spec.label}-laptop`);
  const phone = new TestDevice(caller, `${spec.label}-phone`);
  const offlineDay = addDays(localDate(new Date(), null, TIME_ZONE), -3);
  laptop.queue("notifications.updatePreferences", { dailySummaryTime: "06:30" }, { base: { daily_summary_time: "08:00" } });
  laptop.queue("journal.saveEntry", { date: offlineDay, mood: 4, energy: null, tags: [], notes: `Matrix ${spec.label} offline note` }, { base: null });
  laptop.queue("journal.deleteEntry", { date: offlineDay });
  phone.queue("notifications.updatePreferences", { dailySummaryTime: "07:15" }, { base: { daily_summary_time: "08:00" } });
  phone.queue("actionPlan.mark", { id: "00000000-0000-4000-8000-000000000000", status: "done" });
  await laptop.push();
  await phone.push();
  await laptop.pullAll();
  await phone.pullAll();

  // Email links outstanding: a pending address change and a password reset.
  await caller.auth.requestEmailChange({ newEmail: `${spec.label}-new@matrix.example`, currentPassword: password });
  await anonymous.auth.requestPasswordReset({ email });
  // An account deletion asked for (its confirmation link emailed, not followed).
  await caller.privacy.deletion.request({ currentPassword: password });

  const drained = await drainJobs(db, { timeoutMs: 120_000 });
  if (drained.pending || drained.outcomes.failed) throw new Error(`jobs did not finish: ${JSON.stringify(drained)}`);
  if (spec.demo !== false) {
    await caller.devices.syncNow({ provider: "demo" });
    await drainJobs(db, { timeoutMs: 120_000 });
    // Insights: Terra dailies with a resting HR far above the demo's months of normal on the last two
    // days raise a flag; the risk and recommendation stages store it and its advice, narrated
    // through the AI gateway against a local fake of the OpenAI API.
    const today = localDate(new Date(), null, TIME_ZONE);
    const raised = [addDays(today, -1), today].map((day) => ({
      ...terraDailyRecord(8_000, 2_300),
      metadata: { start_time: `${day}T00:00:00.000000+01:00`, end_time: `${addDays(day, 1)}T00:00:00.000000+01:00`, upload_type: 1, timestamp_localization: 1 },
      heart_rate_data: { summary: { resting_hr_bpm: 88, avg_hrv_rmssd: 58 }, detailed: { hr_samples: [] } },
    }));
    const body = terraBody("daily", raised, terraUser);
    await postWebhook("terra", body, webhookSigners.terra.sign(body, new Date()));
    await drainJobs(db, { timeoutMs: 120_000 });
    await populateInsights(db, id);
    // Last week's report, made on request (the recompute has made the demo history's own already: the same row).
    await caller.reports.make({ week: weekLabel(lastCompleteWeekStart(today)) });
    // Notifications through their job: today's summary, the alert about the raised flag and last week's report, in-app, emailed
    // and pushed to two browsers subscribed through the router (a local fake push service decrypts what it gets).
    const pushService = await startFakePushService();
    try {
      for (const browser of ["laptop", "phone"]) {
        const subscription = pushService.subscribe();
        await caller.notifications.push.subscribe({ endpoint: subscription.endpoint, keys: subscription.keys, label: `Matrix ${spec.label} ${browser}` });
      }
      await emit(db, "notifications/user.due", { userId: id, at: new Date().toISOString(), kinds: ["daily-summary", "recovery-alert", "weekly-report"] });
      await drainJobs(db, { timeoutMs: 120_000 });
      if (pushService.received.length === 0) throw new Error(`no notification pushed: ${JSON.stringify(pushService.refused)}`);
    } finally {
      await pushService.close();
    }
    const inbox = await caller.notifications.list({});
    if (inbox.items.length === 0) throw new Error("no notification delivered");
    await caller.notifications.markRead({ id: inbox.items[0]!.id });
  }
  // An admin opens an email holding a link in the outbox (the embedded mailbox): audited, naming this user.
  const [linkEmail] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.userId, id), eq(emailOutbox.secretLink, "stored")));
  if (!linkEmail) throw new Error("no email holding a link in the outbox");
  await adminCaller.outbox.get({ id: linkEmail.id });
  // The admin opens the user's account and, with a reason, a summary of their health data (both audited).
  await adminCaller.admin.users.get({ userId: id });
  await adminCaller.admin.users.healthData({ userId: id, reason: `Matrix ${spec.label} asked why a night is missing` });

  // Two-step sign-in: the authenticator app (its confirmation hands out the recovery codes), a passkey.
  const { secret } = await caller.twoFactor.beginTotp({ currentPassword: password });
  await caller.twoFactor.confirmTotp({ code: totpCodeAt(secret, new Date()) });
  const authenticator = new SoftAuthenticator(relyingParty().origin);
  const creation = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: password });
  await caller.twoFactor.passkeys.register({ response: authenticator.create(creation), name: `Matrix key ${spec.label}` });
  // A sign-in waiting for its second step (a live ticket), whose passkey options were asked for and
  // not answered (an outstanding challenge). Both live 5 minutes: the matrix runs well within that.
  const pending = await startSecondStep(db, { userId: id, firstFactor: "password", ip: spec.ip });
  if (!(await secondStepPasskeyOptions(db, pending.ticket))) throw new Error("the second step's ticket is not live");

  // A CSV export of the data above, written by its job, then downloaded through its signed link (audited).
  const lastDay = localDate(new Date(), null, TIME_ZONE);
  const requested = await caller.exports.request({ kind: "csv", params: { metrics: ["heart_rate", "resting_heart_rate", "steps"], from: addDays(lastDay, -200), to: lastDay } });
  const exported = await drainJobs(db, { timeoutMs: 120_000 });
  if (exported.pending || exported.outcomes.failed) throw new Error(`the export did not finish: ${JSON.stringify(exported)}`);
  const { url } = await caller.exports.downloadUrl({ id: requested.id });
  const downloaded = await fileRoute(new Request(`http://localhost${url}`), { params: Promise.resolve({ token: url.split("/").at(-1)! }) });
  if (downloaded.status !== 200) throw new Error(`export download refused: ${downloaded.status} ${await downloaded.text()}`);
  await downloaded.arrayBuffer();

  // Teams: on the team plan, an organization; a coach invited by email accepts, the user shares their
  // scores with them and the coach opens them (audited); one more invitation stays pending.
  await adminCaller.admin.users.setPlan({ userId: id, plan: "team", reason: `Matrix ${spec.label} team trial` });
  const team = await caller.teams.create({ name: `Matrix ${spec.label} crew` });
  const coach = await createUser(db, { email: `coach-${spec.label}@matrix.example`, name: `Matrix coach of ${spec.label}`, verified: true });
  await caller.teams.invites.create({ organizationId: team.id, email: coach.email, role: "coach" });
  const coachCaller = callerFor(db, sessionFor(coach), { ip: spec.ip });
  await coachCaller.teams.invites.accept({ token: await tokenFromEmail(db, coach.email, "team-invite", "team-invite") });
  await caller.teams.shares.set({ organizationId: team.id, coachUserId: coach.id, historyDays: 30 });
  await coachCaller.teams.coach.member({ organizationId: team.id, memberUserId: id });
  await caller.teams.invites.create({ organizationId: team.id, email: `pending-${spec.label}@matrix.example`, role: "member" });

  // Personal API tokens: one used on the REST face (its last use recorded), one revoked.
  const apiToken = await caller.apiTokens.create({ name: `Matrix ${spec.label} script`, scope: "read" });
  const restAnswer = await restRoute(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${apiToken.secret}` } }));
  if (restAnswer.status !== 200) throw new Error(`the REST call with an API token was refused: ${restAnswer.status} ${await restAnswer.text()}`);
  const revokedToken = await caller.apiTokens.create({ name: `Matrix ${spec.label} old token`, scope: "write", expiresInDays: 30 });
  await caller.apiTokens.revoke({ id: revokedToken.token.id });

  world.actAs(null);
  return { session, password, name, fitbitAccountId: spec.fitbitAccountId, terraUserId };
}
