import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { withTestDb } from "@/db/testing";
import { getNotificationPreferences } from "@/server/account/profile/service";
import { notifiedUser } from "@/server/account/notifications/testing";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/server/account/notifications/unsubscribe-token";
import { GET, POST } from "./route";

const state = vi.hoisted(() => ({ db: null as Database | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.db }));
// No session lookup happens: the link works signed out.
vi.mock("@/server/account/auth/current-user", () => ({
  getSessionUser: async () => {
    throw new Error("the unsubscribe route must not look for a session");
  },
}));

const handle = withTestDb();
const call = (method: "GET" | "POST", token: string, init: RequestInit = {}) => {
  state.db = handle.db;
  const handler = method === "GET" ? GET : POST;
  return handler(new Request(`http://localhost/unsubscribe/${token}`, { method, ...init }), { params: Promise.resolve({ token }) });
};

describe("the unsubscribe token", () => {
  it("names its user and kind and refuses any change", () => {
    const token = unsubscribeToken("6f1c1c8e-3c1a-4a8e-9a55-0d6f7c1b2a3d", "weekly-report", "s".repeat(40));
    expect(verifyUnsubscribeToken(token, "s".repeat(40))).toEqual({ ok: true, userId: "6f1c1c8e-3c1a-4a8e-9a55-0d6f7c1b2a3d", kind: "weekly-report" });
    expect(verifyUnsubscribeToken(token, "t".repeat(40))).toEqual({ ok: false, reason: "forged" });
    expect(verifyUnsubscribeToken(token.replace("weekly-report", "daily-summary"), "s".repeat(40))).toEqual({ ok: false, reason: "forged" });
    expect(verifyUnsubscribeToken(token.replace("6f1c", "7f1c"), "s".repeat(40))).toEqual({ ok: false, reason: "forged" });
    expect(verifyUnsubscribeToken(`${token.slice(0, -2)}AA`, "s".repeat(40))).toEqual({ ok: false, reason: "forged" });
    expect(verifyUnsubscribeToken(token.replace("weekly-report", "marketing"), "s".repeat(40))).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUnsubscribeToken("nonsense", "s".repeat(40))).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUnsubscribeToken(`${token}.extra`, "s".repeat(40))).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("/unsubscribe/[token], signed out", () => {
  it("asks first on GET (mail scanners open links) and turns that kind off on POST", async () => {
    const user = await notifiedUser(handle.db);
    const token = unsubscribeToken(user.id, "daily-summary");
    const page = await call("GET", token);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("Unsubscribe from the daily summary?");
    expect(html).toContain('<form method="post">');
    expect(await getNotificationPreferences(handle.db, user.id)).toMatchObject({ dailySummary: true });

    const done = await call("POST", token, { headers: { origin: "http://localhost" } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("You are unsubscribed");
    expect(await getNotificationPreferences(handle.db, user.id)).toMatchObject({ dailySummary: false, recoveryAlerts: true, weeklyReport: true });
  });

  it("takes a mail client's one-click POST (RFC 8058) and is idempotent", async () => {
    const user = await notifiedUser(handle.db);
    const token = unsubscribeToken(user.id, "recovery-alert");
    for (let i = 0; i < 2; i++) {
      const response = await call("POST", token, { body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(response.status).toBe(200);
    }
    expect(await getNotificationPreferences(handle.db, user.id)).toMatchObject({ dailySummary: true, recoveryAlerts: false });
  });

  it("refuses a tampered token with 403 and a cut one with 400, changing nothing", async () => {
    const user = await notifiedUser(handle.db);
    const token = unsubscribeToken(user.id, "weekly-report");
    const tampered = token.replace("weekly-report", "daily-summary");
    for (const method of ["GET", "POST"] as const) {
      const forged = await call(method, tampered);
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain("This unsubscribe link is not valid");
      const cut = await call(method, token.slice(0, 40));
      expect(cut.status).toBe(400);
      expect(await cut.text()).toContain("This unsubscribe link is incomplete");
    }
    expect(await getNotificationPreferences(handle.db, user.id)).toMatchObject({ dailySummary: true, recoveryAlerts: true, weeklyReport: true });
  });

  it("says so when the account is gone", async () => {
    const response = await call("GET", unsubscribeToken("00000000-0000-4000-8000-000000000000", "daily-summary"));
    expect(response.status).toBe(404);
  });
});
