import { describe, expect, it } from "vitest";
import { backfillProgress, cardStatus, formatDateTime, formatDuration, formatRelative, sortCards } from "./format";

describe("devices page formatting", () => {
  it("derives the card status from configuration and connection", () => {
    expect(cardStatus({ configured: true, connection: { status: "active" } })).toBe("connected");
    expect(cardStatus({ configured: true, connection: { status: "error" } })).toBe("attention");
    expect(cardStatus({ configured: true, connection: { status: "revoked" } })).toBe("disconnected");
    expect(cardStatus({ configured: true, connection: null })).toBe("not_connected");
    expect(cardStatus({ configured: false, connection: null })).toBe("not_configured");
    expect(cardStatus({ configured: false, connection: { status: "active" } })).toBe("connected");
  });

  it("orders cards by what needs the user: attention, connected, disconnected, connectable, unconfigured", () => {
    const card = (id: string, configured: boolean, status: "active" | "error" | "revoked" | null) => ({ id, configured, connection: status ? { status } : null });
    const cards = [card("terra", false, null), card("oura", true, null), card("whoop", true, "revoked"), card("fitbit", true, "active"), card("garmin", false, null), card("demo", true, "error")];
    expect(sortCards(cards).map((c) => c.id)).toEqual(["demo", "fitbit", "whoop", "oura", "terra", "garmin"]);
  });

  it("formats relative times, durations and times in the user's zone", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(formatRelative(new Date("2026-03-01T11:59:40Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-03-01T11:55:00Z"), now)).toBe("5 minutes ago");
    expect(formatRelative(new Date("2026-02-28T12:00:00Z"), now)).toBe("yesterday");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(184_000)).toBe("3 min 4 s");
    expect(formatDuration(3_720_000)).toBe("1 h 2 min");
    expect(formatDateTime(new Date("2026-03-01T23:30:00Z"), "Asia/Tokyo")).toBe("2 Mar 2026, 08:30");
    expect(formatDateTime(new Date("2026-03-01T23:30:00Z"), "Not/AZone")).toBe("1 Mar 2026, 23:30");
  });

  it("measures a running backfill and ignores a finished one", () => {
    const now = new Date("2026-01-31T00:00:00Z");
    // A week of four done, the next chunk starting where it ended.
    expect(backfillProgress({ from: "2026-01-03T00:00:00Z", until: "2026-01-10T00:00:00Z", next: "2026-01-10T00:00:00Z", done: false }, now)).toBe(0.25);
    expect(backfillProgress({ from: "2026-01-03T00:00:00Z", until: "2026-01-31T00:00:00Z", next: "2026-01-17T00:00:00Z", done: false }, now)).toBe(0.5);
    expect(backfillProgress({ from: "2026-01-01", until: "2026-01-31", next: null, done: true }, now)).toBeNull();
    expect(backfillProgress(null)).toBeNull();
  });
});
