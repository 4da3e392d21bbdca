import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { createUser } from "../auth/users";
import { badRequestFields, callerFor, sessionFor } from "../../testing";
import { feetInchesToCm, formatHeight, formatWeight, lbToKg } from "./units";

const handle = withTestDb();

async function signedIn(email: string, options: { role?: "user" | "admin"; verified?: boolean } = {}) {
  const user = sessionFor(await createUser(handle.db, { email, name: "Test Person", role: options.role, verified: options.verified }));
  return { user, caller: callerFor(handle.db, user) };
}

describe("profile.get / update", () => {
  it("creates the profile lazily with defaults", async () => {
    const { caller } = await signedIn("lazy@example.com");
    const profile = await caller.profile.get();
    expect(profile).toMatchObject({
      name: "Test Person",
      email: "lazy@example.com",
      emailVerified: false,
      units: "metric",
      timeZone: "UTC",
      heightCm: null,
      weightKg: null,
      onboardingCompleted: false,
    });
  });

  it("stores metric values and returns them for any unit system", async () => {
    const { caller } = await signedIn("imperial@example.com");
    const updated = await caller.profile.update({
      name: "  Ada Lovelace ",
      units: "imperial",
      heightCm: feetInchesToCm(5, 10),
      weightKg: lbToKg(180),
      timeZone: "America/New_York",
    });
    expect(updated).toMatchObject({ name: "Ada Lovelace", units: "imperial", heightCm: 177.8, weightKg: 81.65, timeZone: "America/New_York" });
    const reread = await caller.profile.get();
    expect(formatHeight(reread.heightCm, reread.units)).toBe("5 ft 10 in");
    expect(formatWeight(reread.weightKg, reread.units)).toBe("180 lb");
  });

  it("leaves omitted fields alone and clears measurements with null", async () => {
    const { caller } = await signedIn("partial@example.com");
    await caller.profile.update({ heightCm: 170, weightKg: 70 });
    await caller.profile.update({ units: "imperial" });
    expect(await caller.profile.get()).toMatchObject({ heightCm: 170, weightKg: 70, units: "imperial", energyUnit: "kcal" });
    await caller.profile.update({ energyUnit: "kJ" });
    expect(await caller.profile.get()).toMatchObject({ units: "imperial", energyUnit: "kJ" });
    await caller.profile.update({ weightKg: null });
    expect(await caller.profile.get()).toMatchObject({ heightCm: 170, weightKg: null });
  });

  it("rejects out-of-range numbers, unknown time zones and empty names with field paths", async () => {
    const { caller } = await signedIn("bad-input@example.com");
    expect(await badRequestFields(caller.profile.update({ heightCm: 20 }))).toEqual(["heightCm"]);
    expect(await badRequestFields(caller.profile.update({ weightKg: 1000 }))).toEqual(["weightKg"]);
    expect(await badRequestFields(caller.profile.update({ timeZone: "Mars/Olympus_Mons" }))).toEqual(["timeZone"]);
    expect(await badRequestFields(caller.profile.update({ name: "   " }))).toEqual(["name"]);
    expect(await badRequestFields(caller.profile.update({ units: "cubits" as "metric" }))).toEqual(["units"]);
    expect(await badRequestFields(caller.profile.update({ energyUnit: "Cal" as "kcal" }))).toEqual(["energyUnit"]);
    expect(await caller.profile.get()).toMatchObject({ heightCm: null, weightKg: null, timeZone: "UTC" });
  });

  it("keeps each user's profile private", async () => {
    const alice = await signedIn("alice@example.com");
    const bob = await signedIn("bob@example.com");
    await alice.caller.profile.update({ heightCm: 165, timeZone: "Europe/Paris" });
    await bob.caller.profile.update({ heightCm: 190 });
    expect(await alice.caller.profile.get()).toMatchObject({ email: "alice@example.com", heightCm: 165, timeZone: "Europe/Paris" });
    expect(await bob.caller.profile.get()).toMatchObject({ email: "bob@example.com", heightCm: 190, timeZone: "UTC" });
    await bob.caller.profile.notifications.update({ marketing: true });
    expect((await alice.caller.profile.notifications.get()).marketing).toBe(false);
  });

  it("requires a session", async () => {
    await expect(callerFor(handle.db, null).profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(handle.db, null).profile.onboarding.saveStep({ step: "age", data: { age: 30 } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("profile.onboarding", () => {
  it("resumes at the first unsaved step and completes", async () => {
    const { caller } = await signedIn("onboard@example.com");
    expect(await caller.profile.onboarding.get()).toMatchObject({ currentStep: "age", stepIndex: 0, completed: false });

    await caller.profile.onboarding.saveStep({ step: "age", data: { age: 34 } });
    await caller.profile.onboarding.saveStep({ step: "goal", data: { goal: "sleep" } });
    // A reload asks again: it resumes at the device step with earlier answers kept.
    expect(await caller.profile.onboarding.get()).toMatchObject({ currentStep: "device", stepIndex: 2, data: { age: 34, goal: "sleep" } });

    // Going back to edit an earlier step keeps the progress.
    const edited = await caller.profile.onboarding.saveStep({ step: "age", data: { age: 35 } });
    expect(edited).toMatchObject({ currentStep: "device", data: { age: 35 } });

    await caller.profile.onboarding.saveStep({ step: "device", data: { deviceChoice: "later" } });
    await caller.profile.onboarding.saveStep({ step: "preferences", data: { units: "imperial", timeZone: "Asia/Tokyo" } });
    const done = await caller.profile.onboarding.complete();
    expect(done.completed).toBe(true);
    expect(await caller.profile.get()).toMatchObject({ onboardingCompleted: true, units: "imperial", timeZone: "Asia/Tokyo", goal: "sleep", deviceChoice: "later", age: 35 });
  });

  it("refuses to complete before every step is saved, naming what is missing", async () => {
    const { caller } = await signedIn("early@example.com");
    await caller.profile.onboarding.saveStep({ step: "age", data: { age: 40 } });
    expect(await badRequestFields(caller.profile.onboarding.complete())).toEqual(["goal", "deviceChoice", "timeZone"]);
  });

  it("validates each step's data with field paths", async () => {
    const { caller } = await signedIn("steps@example.com");
    expect(await badRequestFields(caller.profile.onboarding.saveStep({ step: "age", data: { age: 9 } }))).toEqual(["data.age"]);
    expect(await badRequestFields(caller.profile.onboarding.saveStep({ step: "age", data: { age: 30.5 } }))).toEqual(["data.age"]);
    expect(
      await badRequestFields(caller.profile.onboarding.saveStep({ step: "goal", data: { goal: "wealth" as "sleep" } })),
    ).toEqual(["data.goal"]);
    expect(
      await badRequestFields(caller.profile.onboarding.saveStep({ step: "preferences", data: { units: "metric", timeZone: "Nowhere/City" } })),
    ).toEqual(["data.timeZone"]);
    expect(await caller.profile.onboarding.get()).toMatchObject({ currentStep: "age", data: { age: null } });
  });
});

describe("profile.notifications", () => {
  it("starts with the documented defaults and saves changes", async () => {
    const { caller } = await signedIn("notify@example.com");
    expect(await caller.profile.notifications.get()).toMatchObject({ dailySummary: true, recoveryAlerts: true, weeklyReport: true, marketing: false });
    await caller.profile.notifications.update({ dailySummary: false, marketing: true });
    expect(await caller.profile.notifications.get()).toMatchObject({ dailySummary: false, recoveryAlerts: true, weeklyReport: true, marketing: true });
  });

  it("rejects non-boolean values", async () => {
    const { caller } = await signedIn("notify-bad@example.com");
    expect(await badRequestFields(caller.profile.notifications.update({ weeklyReport: "yes" as unknown as boolean }))).toEqual(["weeklyReport"]);
  });

  it("keeps the send times (08:00 and Monday 08:00 by default) and quiet hours, which may wrap midnight or be off", async () => {
    const { caller } = await signedIn("notify-times@example.com");
    expect(await caller.profile.notifications.get()).toMatchObject({ dailySummaryTime: "08:00", weeklyReportDay: 1, weeklyReportTime: "08:00", quietHours: null });
    const saved = await caller.profile.notifications.update({ dailySummaryTime: "06:45", weeklyReportDay: 7, weeklyReportTime: "19:30", quietHours: { start: "22:30", end: "06:00" } });
    expect(saved).toMatchObject({ dailySummaryTime: "06:45", weeklyReportDay: 7, weeklyReportTime: "19:30", quietHours: { start: "22:30", end: "06:00" }, dailySummary: true });
    // A switch saved alone leaves the times as they are.
    expect(await caller.profile.notifications.update({ marketing: true })).toMatchObject({ quietHours: { start: "22:30", end: "06:00" }, dailySummaryTime: "06:45" });
    expect(await caller.profile.notifications.update({ quietHours: null })).toMatchObject({ quietHours: null, weeklyReportDay: 7 });
  });

  it("answers bad times with 400 naming the field", async () => {
    const { caller } = await signedIn("notify-bad-times@example.com");
    expect(await badRequestFields(caller.profile.notifications.update({ dailySummaryTime: "8:00" }))).toEqual(["dailySummaryTime"]);
    expect(await badRequestFields(caller.profile.notifications.update({ weeklyReportTime: "24:00" }))).toEqual(["weeklyReportTime"]);
    expect(await badRequestFields(caller.profile.notifications.update({ weeklyReportDay: 0 }))).toEqual(["weeklyReportDay"]);
    expect(await badRequestFields(caller.profile.notifications.update({ quietHours: { start: "22:00", end: "22:00" } }))).toEqual(["quietHours.end"]);
    expect(await badRequestFields(caller.profile.notifications.update({ quietHours: { start: "22:00", end: "7am" } }))).toEqual(["quietHours.end"]);
    expect(await caller.profile.notifications.get()).toMatchObject({ dailySummaryTime: "08:00", quietHours: null });
  });
});
