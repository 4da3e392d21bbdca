import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags, journalTags } from "@/db/schema/journal";
import { AppError } from "../../errors";
import { requestInsightsRecompute } from "../analytics/recompute-request";
import type { TagList, TagView } from "./schemas";
import { displayTagName, normalizeTagName, SUGGESTED_TAGS } from "./tag-names";

const tagColumns = { id: journalTags.id, name: journalTags.name };

/** The user's tags by name with how many entries say "yes" to each, and the suggestions not yet in the set. */
export async function listTags(db: Database, userId: string): Promise<TagList> {
  const tags = await db
    .select({ ...tagColumns, entries: sql<number>`(count(${journalEntryTags.entryId}) filter (where ${journalEntryTags.present}))::int` })
    .from(journalTags)
    .leftJoin(journalEntryTags, eq(journalEntryTags.tagId, journalTags.id))
    .where(eq(journalTags.userId, userId))
    .groupBy(journalTags.id)
    .orderBy(asc(journalTags.normalizedName));
  const taken = new Set(tags.map((t) => normalizeTagName(t.name)));
  return { tags, suggestions: SUGGESTED_TAGS.filter((name) => !taken.has(name)) };
}

/** The user's tags of these names, created where missing; keyed by normalized name. */
export async function ensureTags(db: Database, userId: string, names: readonly string[]): Promise<Map<string, TagView>> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const normalized = normalizeTagName(name);
    if (normalized && !wanted.has(normalized)) wanted.set(normalized, displayTagName(name));
  }
  if (wanted.size === 0) return new Map();
  await db
    .insert(journalTags)
    .values([...wanted].map(([normalizedName, name]) => ({ userId, name, normalizedName })))
    .onConflictDoNothing({ target: [journalTags.userId, journalTags.normalizedName] });
  const rows = await db
    .select({ ...tagColumns, normalizedName: journalTags.normalizedName })
    .from(journalTags)
    .where(and(eq(journalTags.userId, userId), inArray(journalTags.normalizedName, [...wanted.keys()])));
  return new Map(rows.map(({ normalizedName, ...tag }) => [normalizedName, tag]));
}

function taken(name: string): AppError {
  const message = `You already have a tag named “${displayTagName(name)}”.`;
  return new AppError("CONFLICT", message, { fields: [{ path: "name", message }] });
}

async function tagNamed(db: Database, userId: string, name: string) {
  const [row] = await db
    .select(tagColumns)
    .from(journalTags)
    .where(and(eq(journalTags.userId, userId), eq(journalTags.normalizedName, normalizeTagName(name))));
  return row ?? null;
}

export async function createTag(db: Database, userId: string, name: string): Promise<TagView> {
  if (await tagNamed(db, userId, name)) throw taken(name);
  const tag = (await ensureTags(db, userId, [name])).get(normalizeTagName(name));
  if (!tag) throw taken(name);
  return tag;
}

export async function renameTag(db: Database, userId: string, id: string, name: string): Promise<TagView> {
  const clash = await tagNamed(db, userId, name);
  if (clash && clash.id !== id) throw taken(name);
  const [row] = await db
    .update(journalTags)
    .set({ name: displayTagName(name), normalizedName: normalizeTagName(name) })
    .where(and(eq(journalTags.id, id), eq(journalTags.userId, userId)))
    .returning(tagColumns);
  if (!row) throw AppError.notFound("Tag");
  await requestInsightsRecompute(db, userId, "journal");
  return row;
}

/** Deletes a tag from the set and from every entry; an entry left with nothing in it goes too. */
export async function deleteTag(db: Database, userId: string, id: string): Promise<{ id: string; entriesRemoved: number }> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(journalTags)
      .where(and(eq(journalTags.id, id), eq(journalTags.userId, userId)))
      .returning({ id: journalTags.id });
    if (!row) throw AppError.notFound("Tag");
    const emptied = await tx
      .delete(journalEntries)
      .where(
        and(
          eq(journalEntries.userId, userId),
          sql`${journalEntries.mood} is null and ${journalEntries.energy} is null and ${journalEntries.notesEnc} is null`,
          sql`not exists (select 1 from ${journalEntryTags} where ${journalEntryTags.entryId} = ${journalEntries.id})`,
        ),
      )
      .returning({ id: journalEntries.id });
    return emptied.length;
  });
  await requestInsightsRecompute(db, userId, "journal");
  return { id, entriesRemoved: removed };
}

