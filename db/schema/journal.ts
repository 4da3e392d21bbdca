import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";
import { syncColumns } from "./_columns";

/**
 * One journal entry per user and local date. Notes are sensitive: only ever stored as an
 * AES-GCM envelope (server/platform/crypto.ts), never as plaintext.
 */
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    localDate: date("local_date").notNull(),
    /** 1–10 (JOURNAL_RATING in server/health/journal/limits.ts). */
    mood: smallint("mood"),
    energy: smallint("energy"),
    notesEnc: text("notes_enc"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [
    uniqueIndex("journal_entries_user_date_idx").on(t.userId, t.localDate),
    check("journal_entries_mood_range", sql`${t.mood} is null or (${t.mood} between 1 and 10)`),
    check("journal_entries_energy_range", sql`${t.energy} is null or (${t.energy} between 1 and 10)`),
  ],
);

/** The user's own set of tags, unique by normalized name (see server/health/journal/tag-names.ts). */
export const journalTags = pgTable(
  "journal_tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    name: text("name").notNull(),
    normalizedName: text("normalized_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [uniqueIndex("journal_tags_user_name_idx").on(t.userId, t.normalizedName)],
);

/**
 * A tag's answer on an entry: `present` true is "yes, this happened", false an explicit "no"
 * (WHOOP asks every question every day). For correlations both the "no" and the unanswered tag
 * on a day with an entry count as a day without it.
 */
export const journalEntryTags = pgTable(
  "journal_entry_tags",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => journalEntries.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => journalTags.id, { onDelete: "cascade" }),
    present: boolean("present").notNull().default(true),
    ...syncColumns(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.tagId] }), index("journal_entry_tags_tag_idx").on(t.tagId)],
);

export type JournalEntry = typeof journalEntries.$inferSelect;
export type JournalTag = typeof journalTags.$inferSelect;
