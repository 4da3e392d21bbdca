import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { seriesChunks } from "@/db/schema";
import { METRIC_CODES, metricOfCode } from "../timeseries/codec";
import { METRIC_UNITS } from "../types";
import { BIOSYNC_CSV_HEADER, csvCell, float4Text, isoAtOffset, offsetSuffix } from "./csv-format";
import { csvExportParams, type CsvExportParams } from "./schemas";
import type { ExportContext, ExportWriter } from "./writers";

/**
 * Points read per query: days are grouped until a window holds about this many (a day is never
 * split). Small enough that a window's rows die young (a scavenge frees them, nothing piles up in
 * the old generation), large enough that a year of minutes is about a hundred queries.
 */
const WINDOW_POINTS = 10_000;

interface DayCount {
  localDate: string;
  points: number;
}

function where(userId: string, params: CsvExportParams, from: string, to: string) {
  return and(
    eq(seriesChunks.userId, userId),
    inArray(
      seriesChunks.metric,
      params.metrics.map((m) => METRIC_CODES[m]),
    ),
    gte(seriesChunks.localDate, from),
    lte(seriesChunks.localDate, to),
  );
}

/** Consecutive days with data, grouped into windows of about WINDOW_POINTS points. */
function windowsOf(days: DayCount[]): { from: string; to: string; points: number }[] {
  const windows: { from: string; to: string; points: number }[] = [];
  for (const day of days) {
    const last = windows.at(-1);
    if (last && last.points + day.points <= WINDOW_POINTS) {
      last.to = day.localDate;
      last.points += day.points;
    } else windows.push({ from: day.localDate, to: day.localDate, points: day.points });
  }
  return windows;
}

interface Row {
  start: number;
  end: number;
  value: number;
  chunk: number;
}

type ChunkRow = { metric: number; localDate: string; source: string; device: string | null; utcOffsetMinutes: number; baseAt: Date; offsets: number[]; durations: number[] | null; values: number[] };

/** The CSV of one window, a text per local day and metric: every source's samples in time order. */
function* windowTexts(chunks: ChunkRow[]): Generator<string> {
  let i = 0;
  while (i < chunks.length) {
    // One (day, metric) at a time: its chunks (sources, origins, offsets) are merged by time.
    let j = i;
    while (j < chunks.length && chunks[j]!.localDate === chunks[i]!.localDate && chunks[j]!.metric === chunks[i]!.metric) j++;
    const group = chunks.slice(i, j);
    const metric = metricOfCode(group[0]!.metric);
    const prefix = `${metric},${csvCell(METRIC_UNITS[metric])},`;
    const tails = group.map((c) => `,${csvCell(c.source)},${c.device === null ? "" : csvCell(c.device)}`);
    const suffixes = group.map((c) => offsetSuffix(c.utcOffsetMinutes));
    const rows: Row[] = [];
    group.forEach((c, n) => {
      const base = c.baseAt.getTime();
      for (let k = 0; k < c.offsets.length; k++) {
        const start = base + c.offsets[k]!;
        rows.push({ start, end: start + (c.durations?.[k] ?? 0), value: c.values[k]!, chunk: n });
      }
    });
    if (group.length > 1) rows.sort((a, b) => a.start - b.start || a.chunk - b.chunk || a.end - b.end || a.value - b.value);
    let text = "";
    for (const r of rows) {
      const c = group[r.chunk]!;
      const start = isoAtOffset(r.start, c.utcOffsetMinutes, suffixes[r.chunk]!);
      const end = r.end === r.start ? start : isoAtOffset(r.end, c.utcOffsetMinutes, suffixes[r.chunk]!);
      text += `${prefix}${start},${end},${float4Text(r.value)}${tails[r.chunk]}\n`;
    }
    if (text) yield text;
    i = j;
  }
}

async function* csvRows(db: Database, { userId, params, progress }: ExportContext<CsvExportParams>): AsyncGenerator<string> {
  const days = await db
    .select({ localDate: seriesChunks.localDate, points: sql<number>`sum(${seriesChunks.count})::int` })
    .from(seriesChunks)
    .where(where(userId, params, params.from, params.to))
    .groupBy(seriesChunks.localDate)
    .orderBy(asc(seriesChunks.localDate));
  const total = days.reduce((sum, d) => sum + d.points, 0);
  await progress(0, total);
  yield BIOSYNC_CSV_HEADER;
  let done = 0;
  for (const window of windowsOf(days)) {
    const chunks = await db
      .select({
        metric: seriesChunks.metric,
        localDate: seriesChunks.localDate,
        source: seriesChunks.source,
        device: seriesChunks.device,
        utcOffsetMinutes: seriesChunks.utcOffsetMinutes,
        baseAt: seriesChunks.baseAt,
        offsets: seriesChunks.offsets,
        durations: seriesChunks.durations,
        values: seriesChunks.values,
      })
      .from(seriesChunks)
      .where(where(userId, params, window.from, window.to))
      .orderBy(asc(seriesChunks.localDate), asc(seriesChunks.metric), asc(seriesChunks.source), asc(seriesChunks.origin), asc(seriesChunks.utcOffsetMinutes));
    yield* windowTexts(chunks);
    done += window.points;
    await progress(done, total);
  }
}

/** Chosen metrics over a range of local days, every source, one row per sample (see csv-format.ts). */
export const csvExportWriter: ExportWriter<CsvExportParams> = {
  kind: "csv",
  params: csvExportParams,
  contentType: "text/csv; charset=utf-8",
  filename: (params) => `biosync-${params.metrics.length === 1 ? params.metrics[0]!.replace(/_/g, "-") : "metrics"}-${params.from}-${params.to}.csv`,
  write: csvRows,
};
