// `npm run bench`: every benchmark, results and the machine written to BENCHMARKS.md.
// BENCH_APPLE_BYTES sets the size of the synthetic Apple export (default 1 GB).
import { writeFileSync } from "node:fs";
import { adminOverviewSection, runAdminOverviewBench } from "./admin-overview";
import { benchAppleImport, IMPORT_HEAP_MB, type AppleImportResult } from "./apple-import";
import { archiveSection, runArchiveRoundTrips } from "./archive-round-trip";
import { benchCsvExport, csvExportSection } from "./csv-export";
import { pgliteBenchDb, postgresBenchDb, type BenchDb } from "./bench-db";
import { fmt } from "./format";
import { benchIngest, demoPayloads, type IngestYearResult } from "./ingest-year";
import { insightsSection, runInsightsSuite } from "./insights-suite";
import { describeMachine } from "./machine";
import { restVsTrpcSection, runRestVsTrpc } from "./rest-vs-trpc";
import { runSyncBench, syncSection } from "./sync-push-pull";

const runs = (seconds: number[]) => seconds.map((s) => fmt(s, 1)).join(", ");
const APPLE_BYTES = Number(process.env.BENCH_APPLE_BYTES ?? 1e9);

async function main() {
  const machine = describeMachine();
  console.log(`Machine: ${machine}`);
  const generated = performance.now();
  const payloads = demoPayloads(365);
  console.log(`Generated 365 days: ${payloads.bodies.length} webhook bodies in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  const years: IngestYearResult[] = [];
  const imports: AppleImportResult[] = [];
  for (const [kind, open] of [
    ["postgres", postgresBenchDb],
    ["pglite", pgliteBenchDb],
  ] as const) {
    const target: BenchDb | null = await open();
    if (!target) {
      console.log("Postgres not reachable: skipped");
      continue;
    }
    try {
      const result = await benchIngest(target, payloads);
      console.log(result);
      years.push(result);
    } finally {
      await target.dispose();
    }
    const imported = await benchAppleImport(kind, APPLE_BYTES);
    console.log(imported);
    imports.push(imported);
  }

  const insights = await runInsightsSuite();
  const restVsTrpc = await runRestVsTrpc();
  console.log(restVsTrpc);
  const archives = await runArchiveRoundTrips();
  const csvExport = await benchCsvExport();
  const adminOverview = await runAdminOverviewBench();
  const sync = await runSyncBench();
  console.log(csvExport ?? "CSV export: Postgres not reachable, skipped");

  const yearRows = years.map(
    (r) =>
      `| ${r.database} | ${fmt(r.samples)} | ${fmt(r.pipelineSeconds, 1)} s (${runs(r.pipelineRuns)}) | ${fmt(r.copySeconds, 1)} s (${runs(r.copyRuns)}) | **${fmt(r.ratio, 2)}** | **${fmt(r.chunkBytesPerSample, 1)}** | ${fmt(r.leanBytesPerRow)} | ${fmt(r.chunkRows)} | **${fmt(r.hourQueryMs)} ms** | **${fmt(r.dayQueryMs)} ms** | ${fmt(r.rollupSeconds, 1)} s |`,
  );
  const importRows = imports.map(
    (r) =>
      `| ${r.database} | ${fmt(r.bytes / 1e9, 2)} GB | ${fmt(r.records)} | ${fmt(r.uploadSeconds)} s | ${fmt(r.jobSeconds)} s | ${fmt(r.recordsPerSecond)} | ${fmt(r.growthMb)} MB | ${fmt(r.chunkTableMb)} MB | **${fmt(r.peakRssMb)} MB** | ${r.status} |`,
  );
  const report = `# Benchmarks

Run with \`npm run bench\` (not part of \`npm test\`). Figures below are from the last run. The
machine is shared (other processes ran at the same time), so absolute times vary by up to 2×
between runs; the pipeline/COPY ratio is measured within one run on one database.

Machine: ${machine}
Date: ${new Date().toISOString().slice(0, 10)}

## Time series: one wearable year for one user, stored compactly (issue 6)

One calendar year (365 days) of the demo wearable for one user, generated as webhook bodies before
timing starts: minute heart rate while awake, nightly sleep with its heart rate, HRV, breathing and
SpO2, daily totals. **Pipeline** = parse each body (JSON + schema) → normalize every record → store
(raw record as jsonb with its content hash; samples as day chunks in \`series_chunks\`: offsets
int4[] + float4[] values + per-chunk and per-hour summaries), one transaction per call of 30
records. Pipeline and COPY alternate three times, each on a fresh user, so that load from other
processes weighs on both; the table shows the medians and, in brackets, every run. **COPY** = the same readings as (user, metric smallint, time, float4) rows, \`COPY\` into a
lean table whose only index is its primary key, formatting the COPY text included (pg-copy-streams
on Postgres, \`COPY … FROM '/dev/blob'\` on PGlite). **Ratio** = pipeline samples/s ÷ COPY rows/s
(target ≥ 0.5). **Bytes/sample** = \`pg_total_relation_size('series_chunks')\` (heap, TOAST, indexes)
÷ samples (target ≤ 12; the old \`samples\` table took ≈ 430), next to the lean table's bytes per
row. **Hour / day** = \`querySeries\` of that year's heart rate bucketed by hour (8,760 buckets) and
by day, median of 7 runs (targets < 100 ms on Postgres, < 300 ms on PGlite). The rollup of the
365 days (daily summaries from the chunk summaries, rolling averages) is timed separately.

| database | samples | pipeline | COPY | ratio | bytes/sample | lean bytes/row | chunks | hour query | day query | rollup |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${yearRows.join("\n")}

## Apple Health export end to end: upload and import job

A synthetic \`export.xml\` (\`server/health/imports/testing/synthetic-apple-export.ts\`: a heart rate
each minute, steps every 10 minutes, food correlations, a night, a workout and the activity rings
each day) streamed from memory through \`receiveUpload\` (stored in 1 MiB pieces) and \`runImport\`
(a structural pass over the whole XML first, so a broken file keeps nothing; then parse → normalize → chunks merged as a multiset → rollup), in a child process of its own against a
fresh database. **Records/s** = the export's top-level records ÷ (upload + job). **Growth** = change
of \`pg_database_size\` over upload and job (the upload's pieces are deleted at the end; their space
stays until vacuumed). **Peak RSS** of that process (target < 300 MB), which runs with
\`--max-old-space-size=${IMPORT_HEAP_MB}\`: without a cap V8 lets garbage grow to about 250 MB of
heap before collecting (peak ≈ 420 MB for 1 GB on Postgres), although the import keeps far less
alive. With PGlite the figure includes the embedded database engine, whose WebAssembly memory
alone takes about 360 MB once a database is opened.

| database | export | records | upload | job | records/s | DB growth | series_chunks | peak RSS | status |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${importRows.join("\n")}

${insightsSection(insights)}

${csvExportSection(csvExport)}

${archiveSection(archives)}

${adminOverviewSection(adminOverview)}

${restVsTrpcSection(restVsTrpc)}

${syncSection(sync)}`;
  writeFileSync("BENCHMARKS.md", report);
  console.log("\nWrote BENCHMARKS.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
