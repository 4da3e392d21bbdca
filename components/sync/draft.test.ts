import { describe, expect, it } from "vitest";
import { draftValues, settleEdits } from "./draft";

describe("form drafts over a synced row", () => {
  it("shows another device's change in the fields not edited here, and keeps the edited ones", () => {
    const edits = { notes: "typing on the laptop" };
    expect(draftValues({ mood: 7, notes: "before", tags: ["coffee"] }, edits)).toEqual({ mood: 7, notes: "typing on the laptop", tags: ["coffee"] });
  });

  it("lets the saved fields follow the row again, and keeps what was typed after the save", () => {
    expect(settleEdits({ notes: "saved", mood: 4, tags: ["b", "a"] }, { notes: "saved", mood: 4, tags: ["a", "b"] })).toEqual({});
    expect(settleEdits({ notes: "saved, and more" }, { notes: "saved" })).toEqual({ notes: "saved, and more" });
    expect(settleEdits<{ energy: number; notes: string }>({ energy: 3 }, { notes: "saved" })).toEqual({ energy: 3 });
  });
});
