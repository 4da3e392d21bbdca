import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dailySummaries, profiles, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { isNightlyHour, NIGHTLY_LOCAL_HOUR, nightlyEvent, nightlyPage } from "./nightly";

const handle = withTestDb();

describe("isNightlyHour", () => {
  it("is the one hourly slot a day at 03:xx local time, per zone and season", () => {
    expect(NIGHTLY_LOCAL_HOUR).toBe(3);
    const nightly = (zone: string, day: string) =>
      Array.from({ length: 24 }, (_, h) => new Date(`${day}T${String(h).padStart(2, "0")}:00:00Z`)).filter((at) => isNightlyHour(at, zone)).map((at) => at.toISOString().slice(11, 16));
    // Berlin: 03:00 CET (UTC+1) is 02:00 UTC in winter; 03:00 CEST (UTC+2) is 01:00 UTC in summer.
    expect(nightly("Europe/Berlin", "2026-01-15")).toEqual(["02:00"]);
    expect(nightly("Europe/Berlin", "2026-07-15")).toEqual(["01:00"]);
    // New York: 03:00 EST (UTC−5) is 08:00 UTC.
    expect(nightly("America/New_York", "2026-01-15")).toEqual(["08:00"]);
    // Kolkata (UTC+5:30): 21:00 UTC the day before is 02:30, 22:00 UTC is 03:30 → the 22:00 slot.
    expect(nightly("Asia/Kolkata", "2026-01-15")).toEqual(["22:00"]);
    expect(nightly("UTC", "2026-01-15")).toEqual(["03:00"]);
  });

  it("names the event by the local day, so a day's second one is a no-op", () => {
    expect(nightlyEvent("u1", "2026-01-15")).toEqual({ name: "analytics/recompute.requested", data: { userId: "u1", reason: "nightly" }, id: "nightly-2026-01-15-u1" });
  });
});

describe("nightlyPage", () => {
  it("walks the users with data in pages and keeps those whose night it is", async () => {
    const make = async (timeZone: string | null, withData: boolean) => {
      const [user] = await handle.db.insert(users).values({ email: `n-${randomUUID()}@example.com` }).returning();
      if (timeZone) await handle.db.insert(profiles).values({ userId: user!.id, timeZone });
      if (withData) await handle.db.insert(dailySummaries).values({ userId: user!.id, localDate: "2026-01-14", values: { steps: 1 } });
      return user!.id;
    };
    const berlin = await make("Europe/Berlin", true);
    const tokyo = await make("Asia/Tokyo", true);
    await make("Europe/Berlin", false);
    const noProfile = await make(null, true);
    // 02:00 UTC: 03:00 in Berlin; 11:00 in Tokyo; 02:00 in UTC (the default zone of a user without a profile).
    const at = new Date("2026-01-15T02:00:00Z");
    const ids = [berlin, tokyo, noProfile].sort();
    const pages = [];
    let after: string | null = null;
    do {
      const page = await nightlyPage(handle.db, at, after, 2);
      pages.push(page);
      after = page.next;
    } while (after);
    // Three users with data, two a page: a full page (which points on) and a last one.
    expect(pages.map((p) => p.next)).toEqual([ids[1], null]);
    expect(pages.flatMap((p) => p.events)).toEqual([nightlyEvent(berlin, "2026-01-15")]);
    // 03:00 UTC is the night of the user without a profile.
    expect((await nightlyPage(handle.db, new Date("2026-01-15T03:00:00Z"), null)).events).toEqual([nightlyEvent(noProfile, "2026-01-15")]);
  });
});
