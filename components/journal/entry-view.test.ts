import { describe, expect, it } from "vitest";
import { composeEntries, entriesBetween, monthOf, tagListOf } from "./entry-view";

const tags = [
  { id: "t-stress", name: "Stress", normalized_name: "stress" },
  { id: "t-alcohol", name: "alcohol", normalized_name: "alcohol" },
  { id: "t-sauna", name: "sauna", normalized_name: "sauna" },
];
const entries = [
  {
    id: "e1",
    local_date: "2026-03-01",
    mood: 4,
    energy: 6,
    notes: "long day",
    updated_at: "2026-03-01T20:00:00+00:00",
    version: 3,
  },
  {
    id: "e2",
    local_date: "2026-03-03",
    mood: 8,
    energy: null,
    notes: null,
    updated_at: "2026-03-03T20:00:00+00:00",
    version: 4,
  },
];
const links = [
  { entry_id: "e1", tag_id: "t-stress", present: true },
  { entry_id: "e1", tag_id: "t-alcohol", present: false },
  { entry_id: "e2", tag_id: "t-sauna", present: true },
];

describe("composeEntries", () => {
  it("joins the three tables: tags answered yes and no, newest date first", () => {
    const [second, first] = composeEntries({ entries, tags, links });
    expect(second).toMatchObject({
      id: "e2",
      date: "2026-03-03",
      mood: 8,
      energy: null,
      tags: [{ id: "t-sauna", name: "sauna" }],
      answeredNo: [],
      notes: null,
      pending: false,
    });
    expect(first).toMatchObject({
      id: "e1",
      tags: [{ id: "t-stress", name: "Stress" }],
      answeredNo: [{ id: "t-alcohol", name: "alcohol" }],
      notes: "long day",
    });
  });

  it("lets a pending save's tag names win over the stored links, new names included", () => {
    const pending = {
      ...entries[0],
      mood: 5,
      tags: ["alcohol", "Late  meal"],
      _pending: true,
    };
    const [entry] = composeEntries({ entries: [pending], tags, links });
    expect(entry!.pending).toBe(true);
    expect(entry!.tags).toEqual([
      { id: "t-alcohol", name: "alcohol" },
      { id: "local:late meal", name: "Late  meal" },
    ]);
    expect(entry!.answeredNo).toEqual([]);
  });

  it("gives an entry written on this device, not stored yet, a local id", () => {
    const [entry] = composeEntries({
      entries: [
        {
          local_date: "2026-03-05",
          mood: null,
          energy: 3,
          notes: "",
          tags: [],
          _pending: true,
        },
      ],
      tags,
      links,
    });
    expect(entry).toMatchObject({
      id: "local:2026-03-05",
      energy: 3,
      tags: [],
      updatedAt: null,
    });
  });
});

describe("views of the entries", () => {
  const all = composeEntries({ entries, tags, links });

  it("selects a range and a month", () => {
    expect(entriesBetween(all, "2026-03-02", "2026-03-31").map((e) => e.id)).toEqual(["e2"]);
    expect(monthOf(all, 2026, 3)).toEqual({
      year: 2026,
      month: 3,
      days: [
        { date: "2026-03-01", mood: 4, energy: 6, tagCount: 1, hasNotes: true },
        {
          date: "2026-03-03",
          mood: 8,
          energy: null,
          tagCount: 1,
          hasNotes: false,
        },
      ],
    });
    expect(monthOf(all, 2026, 4).days).toEqual([]);
  });

  it("counts the days each tag was answered yes, and suggests what is not in the set", () => {
    const list = tagListOf(tags, all);
    expect(list.tags).toEqual([
      { id: "t-alcohol", name: "alcohol", entries: 0 },
      { id: "t-sauna", name: "sauna", entries: 1 },
      { id: "t-stress", name: "Stress", entries: 1 },
    ]);
    expect(list.suggestions).not.toContain("alcohol");
    expect(list.suggestions).toContain("travel");
  });
});
