import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags, journalTags } from "@/db/schema/journal";
import type { DailySeries } from "../analytics/correlations/series";
import type { ExtraSeriesSource } from "../analytics/correlations/stage";
import type { InsightStage } from "../analytics/stage";

/*
 * What the journal gives the insights: mood and energy (1–10) as score contributors and as series,
 * and each tag as a yes/no series. Notes are never read here: nothing of them can reach a stage,
 * and so nothing of them can reach the AI gateway.
 */

async function ratings(db: Database, userId: string, range: { from?: string; to?: string } = {}) {
  return db
    .select({ date: journalEntries.localDate, mood: journalEntries.mood, energy: journalEntries.energy })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.userId, userId),
        range.from ? gte(journalEntries.localDate, range.from) : undefined,
        range.to ? lte(journalEntries.localDate, range.to) : undefined,
      ),
    )
    .orderBy(asc(journalEntries.localDate));
}

/**
 * Runs before the energy score: puts the journal's ratings beside the summary values of the days
 * that have both (`journal_mood`, `journal_energy`), where the score's journal contributors read them.
 */
export const journalRatingsStage: InsightStage = {
  name: "journal",
  async run(ctx) {
    const byDate = new Map((await ratings(ctx.db, ctx.userId)).map((r) => [r.date, r]));
    ctx.days = ctx.days.map((day) => {
      const entry = byDate.get(day.date);
      if (!entry || (entry.mood === null && entry.energy === null)) return day;
      const values = { ...day.values };
      if (entry.mood !== null) values.journal_mood = entry.mood;
      if (entry.energy !== null) values.journal_energy = entry.energy;
      return { ...day, values };
    });
  },
};

/** The tag series' key: by normalized name, so a stored correlation names the habit. */
export const tagSeriesKey = (normalizedName: string) => `journal_tag:${normalizedName}`;

/**
 * The journal's series for the correlations over [from, today]: mood and energy (continuous, they
 * feed the score), and per tag a yes/no series over the days with an entry: 1 where the tag was
 * answered yes, 0 where it was answered no or left out.
 */
export const journalSeries: ExtraSeriesSource = async (ctx, from) => {
  const entries = await ratings(ctx.db, ctx.userId, { from, to: ctx.today });
  const mood = new Map<string, number>();
  const energy = new Map<string, number>();
  for (const e of entries) {
    if (e.mood !== null) mood.set(e.date, e.mood);
    if (e.energy !== null) energy.set(e.date, e.energy);
  }
  const yes = await ctx.db
    .select({ date: journalEntries.localDate, tag: journalTags.normalizedName, name: journalTags.name })
    .from(journalEntryTags)
    .innerJoin(journalEntries, eq(journalEntries.id, journalEntryTags.entryId))
    .innerJoin(journalTags, eq(journalTags.id, journalEntryTags.tagId))
    .where(and(eq(journalEntries.userId, ctx.userId), eq(journalEntryTags.present, true), gte(journalEntries.localDate, from), lte(journalEntries.localDate, ctx.today)));
  const tags = new Map<string, { name: string; days: Set<string> }>();
  for (const row of yes) {
    const tag = tags.get(row.tag) ?? tags.set(row.tag, { name: row.name, days: new Set() }).get(row.tag)!;
    tag.days.add(row.date);
  }
  const series: DailySeries[] = [
    { key: "journal_mood", kind: "continuous", values: mood, label: "your mood", family: "journal_mood", feedsScore: true },
    { key: "journal_energy", kind: "continuous", values: energy, label: "your energy rating", family: "journal_energy", feedsScore: true },
  ];
  for (const [normalized, tag] of [...tags].sort(([a], [b]) => a.localeCompare(b))) {
    const values = new Map(entries.map((e) => [e.date, tag.days.has(e.date) ? 1 : 0]));
    series.push({ key: tagSeriesKey(normalized), kind: "binary", values, label: `you tagged “${tag.name}”`, family: tagSeriesKey(normalized) });
  }
  return series.filter((s) => s.values.size > 0);
};
