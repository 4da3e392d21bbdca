import { z } from "zod";
import { defineMutation } from "../../sync/define";
import { isoDate } from "../../inputs";
import { saveEntryInput } from "./schemas";

const fieldLabels = { mood: "Mood", energy: "Energy", notes: "Notes", tags: "Tags" };
const rowLabel = (locator: Record<string, unknown>) => `Journal entry of ${String(locator.local_date)}`;

/** Saving a date's entry (replacing what it held); `tags` is virtual: the names answered "yes" (journal_entry_tags). */
export const saveJournalEntryMutation = defineMutation({
  name: "journal.saveEntry",
  table: "journal_entries",
  kind: "put",
  args: saveEntryInput,
  locate: (args) => ({ local_date: args.date }),
  fields: (args) => ({ mood: args.mood, energy: args.energy, notes: args.notes, tags: args.tags }),
  argsOf: (locator, fields) =>
    saveEntryInput.parse({ date: locator.local_date, mood: fields.mood ?? null, energy: fields.energy ?? null, notes: fields.notes ?? "", tags: fields.tags ?? [] }),
  local: {
    tables: ["journal_entry_tags", "journal_tags"],
    fields: (row, rowsOf) => {
      const names = new Map(rowsOf("journal_tags").map((t) => [String(t.id), String(t.name)]));
      const yes = rowsOf("journal_entry_tags").filter((link) => link.entry_id === row.id && link.present === true);
      return { tags: yes.flatMap((link) => names.get(String(link.tag_id)) ?? []) };
    },
  },
  label: { row: rowLabel, fields: fieldLabels },
});

export const deleteJournalEntryMutation = defineMutation({
  name: "journal.deleteEntry",
  table: "journal_entries",
  kind: "delete",
  args: z.object({ date: isoDate }),
  locate: (args) => ({ local_date: args.date }),
  fields: () => ({}),
  argsOf: (locator) => ({ date: String(locator.local_date) }),
  label: { row: rowLabel, fields: fieldLabels },
});
