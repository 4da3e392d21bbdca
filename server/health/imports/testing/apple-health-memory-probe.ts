/**
 * Child-process probe for the memory test: parses a synthetic Apple export of `argv[2]` bytes streamed from
 * memory, samples RSS every 100 ms and prints one JSON line with the peak, the counts and the time taken.
 * Run: `node --import tsx server/health/imports/testing/apple-health-memory-probe.ts 1000000000`
 */
import { parseAppleHealthXml } from "../parsers/apple-health";
import { syntheticAppleExport } from "./synthetic-apple-export";

const targetBytes = Number(process.argv[2] ?? 1e9);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const started = performance.now();
const { chunks, counts } = syntheticAppleExport(targetBytes);
const run = parseAppleHealthXml(chunks);
const found = { samples: 0, sleepSessions: 0, workouts: 0, dailyTotals: 0, batches: 0, largestBatch: 0 };
for await (const batch of run.batches) {
  const size = batch.samples.length + batch.sleepSessions.length + batch.workouts.length + batch.dailyTotals.length;
  found.batches += 1;
  found.largestBatch = Math.max(found.largestBatch, size);
  found.samples += batch.samples.length;
  found.sleepSessions += batch.sleepSessions.length;
  found.workouts += batch.workouts.length;
  found.dailyTotals += batch.dailyTotals.length;
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

process.stdout.write(
  `${JSON.stringify({
    peakRssBytes: peakRss,
    seconds,
    megabytesPerSecond: counts.bytes / 1e6 / seconds,
    expected: counts,
    found,
    progress: run.progress(),
    skipped: run.skipped(),
    errors: run.errors().slice(0, 5),
  })}\n`,
);
