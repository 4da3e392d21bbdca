import { describe, expect, it } from "vitest";
import { viewOf } from "./view";

const entry = { id: "e1", local_date: "2026-12-01", mood: 5, energy: 6, notes: "server" };
const save = (date: string, mood: number) => ({ name: "journal.saveEntry", args: { date, mood, energy: null, notes: "", tags: [] } });

describe("viewOf", () => {
  it("is the server rows when nothing is pending", () => {
    expect(viewOf("journal_entries", [entry], [])).toEqual([entry]);
  });

  it("merges a put into the row it locates and marks it pending", () => {
    const [row] = viewOf("journal_entries", [entry], [save("2026-12-01", 8)]);
    expect(row).toEqual({ id: "e1", local_date: "2026-12-01", mood: 8, energy: null, notes: "", tags: [], _pending: true });
  });

  it("adds a new row when the put locates none, applying pending mutations in order", () => {
    const view = viewOf("journal_entries", [entry], [save("2026-12-02", 3), save("2026-12-02", 4)]);
    expect(view).toHaveLength(2);
    expect(view[1]).toMatchObject({ local_date: "2026-12-02", mood: 4, _pending: true });
  });

  it("takes a new row's id from the args", () => {
    const [row] = viewOf("recommendations", [], [{ name: "actionPlan.mark", args: { id: "9b2f4f0e-55a4-4c1e-9a59-3f2d0c6c1a11", status: "done" } }]);
    expect(row).toEqual({ id: "9b2f4f0e-55a4-4c1e-9a59-3f2d0c6c1a11", status: "done", _pending: true });
  });

  it("removes the rows a pending delete locates, and a later put brings the date back", () => {
    const del = { name: "journal.deleteEntry", args: { date: "2026-12-01" } };
    expect(viewOf("journal_entries", [entry], [del])).toEqual([]);
    expect(viewOf("journal_entries", [entry], [del, save("2026-12-01", 2)])).toEqual([expect.objectContaining({ mood: 2, _pending: true })]);
  });

  it("overlays the one row of a settings table with toRow's columns", () => {
    const prefs = { user_id: "u", daily_summary: true, quiet_hours_start: null, quiet_hours_end: null };
    const pending = [{ name: "notifications.updatePreferences", args: { dailySummary: false, quietHours: { start: "22:00", end: "07:00" } } }];
    expect(viewOf("notification_preferences", [prefs], pending)).toEqual([
      { user_id: "u", daily_summary: false, quiet_hours_start: "22:00", quiet_hours_end: "07:00", _pending: true },
    ]);
  });

  it("ignores mutations of other tables and unknown names", () => {
    expect(viewOf("journal_entries", [entry], [{ name: "privacy.updateSettings", args: { researchOptIn: true } }, { name: "nope", args: {} }])).toEqual([entry]);
  });
});
