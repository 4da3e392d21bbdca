import { minuteOf } from "../telemetry/aggregator";
import type { StatusCheck, StatusColour, StatusReport } from "./status-schema";

/** What the status is computed from, read by ./status-reader.ts (or injected by tests). */
export interface StatusInputs {
  now: Date;
  /** Requests of every instance over the last STATUS_WINDOWS.requestsMinutes. */
  requests: { count: number; errors: number; p95Ms: number | null };
  /** Webhook deliveries received over the last STATUS_WINDOWS.webhooksMinutes, per provider; `finished` excludes those still being processed. */
  webhooks: { provider: string; finished: number; failed: number }[];
  /** `failed`: runs that failed for good over the last STATUS_WINDOWS.jobsMinutes; `oldestDueAgeMs`: how long the oldest due, queued run has waited. */
  jobs: { backend: "local" | "inngest"; failed: number; oldestDueAgeMs: number | null };
}

export const STATUS_WINDOWS = { requestsMinutes: 15, webhooksMinutes: 60, jobsMinutes: 60 } as const;

interface Threshold {
  yellow: number;
  red: number;
  worseWhen: "above" | "below";
  unit: StatusCheck["unit"];
  /** Fewer samples than this are "too few to judge" (green, with a note): one failure in 3 requests is not an outage. */
  minSample: number;
}

/**
 * Every threshold of the system status, in one place.
 * - p95 latency 500 / 2000 ms: the app's own reads take ~10 ms at p95 (BENCHMARKS.md), so 500 ms is
 *   a user-visible slowdown well before anything breaks, and 2 s is when pages feel broken. Both are
 *   histogram bounds, so the colour is exact (see server/platform/telemetry/histogram.ts).
 * - 5xx error rate 1 % / 5 %: 4xx answers are the caller's mistakes and do not count; 1 % is a bug
 *   somebody hits every few minutes, 5 % an outage of a feature.
 * - Webhook success 98 % / 90 % per provider: providers retry, so a few failed deliveries are normal
 *   (a user revoked mid-delivery); under 90 % a provider's data is not arriving.
 * - Job failures 1 / 10 per hour: a run fails only after its retries, so each one lost work (an
 *   email, a sync); ten an hour is systemic.
 * - Queue age 5 / 30 min: the runner polls every half second and syncs come every 15 min; a due run
 *   waiting 5 min means the workers are behind, 30 min that a whole sync cycle was missed.
 */
export const STATUS_THRESHOLDS = {
  requestLatencyP95: { yellow: 500, red: 2000, worseWhen: "above", unit: "ms", minSample: 20 },
  errorRate: { yellow: 1, red: 5, worseWhen: "above", unit: "%", minSample: 20 },
  webhookSuccess: { yellow: 98, red: 90, worseWhen: "below", unit: "%", minSample: 10 },
  jobFailures: { yellow: 1, red: 10, worseWhen: "above", unit: "runs", minSample: 0 },
  queueAge: { yellow: 5, red: 30, worseWhen: "above", unit: "min", minSample: 0 },
} as const satisfies Record<string, Threshold>;

/** Start of the request window ending at `now` (see readStatusInputs). */
export function requestWindowStart(now: Date): Date {
  return new Date(minuteOf(now).getTime() - (STATUS_WINDOWS.requestsMinutes - 1) * 60_000);
}

const RANK: Record<StatusColour, number> = { green: 0, yellow: 1, red: 2 };

/** The colour of `value` against a threshold: reaching a threshold ("above") or falling under it ("below") takes its colour. */
export function colourOf(value: number, t: Pick<Threshold, "yellow" | "red" | "worseWhen">): StatusColour {
  if (t.worseWhen === "above") return value >= t.red ? "red" : value >= t.yellow ? "yellow" : "green";
  return value < t.red ? "red" : value < t.yellow ? "yellow" : "green";
}

export function worstOf(colours: readonly StatusColour[]): StatusColour {
  return colours.reduce<StatusColour>((worst, c) => (RANK[c] > RANK[worst] ? c : worst), "green");
}

/**
 * Values are rounded down before they are coloured: the thresholds are round numbers, so the
 * colour of the number shown is the colour of the exact one (49.99 never shows as 50).
 */
const floorTo = (value: number, decimals: number) => Math.floor(value * 10 ** decimals + 1e-9) / 10 ** decimals;

interface CheckSpec {
  id: string;
  name: string;
  threshold: Threshold;
  windowMinutes: number | null;
  sample: number | null;
  /** The value as shown (already rounded: the colour is that of the number the operator reads); null for no data. */
  value: number | null;
  noData: string;
}

function check(spec: CheckSpec): StatusCheck {
  const { threshold: t } = spec;
  const base = { id: spec.id, name: spec.name, unit: t.unit, yellow: t.yellow, red: t.red, worseWhen: t.worseWhen, windowMinutes: spec.windowMinutes, sample: spec.sample };
  if (spec.value === null) return { ...base, value: null, status: "green", note: spec.noData };
  if (spec.sample !== null && spec.sample < t.minSample) {
    return { ...base, value: spec.value, status: "green", note: `Only ${spec.sample} in the window: too few to judge (at least ${t.minSample}).` };
  }
  return { ...base, value: spec.value, status: colourOf(spec.value, t) };
}

/** The status from its inputs: each check with its number, thresholds and colour; overall the worst colour. */
export function evaluateStatus(inputs: StatusInputs): StatusReport {
  const { requests, jobs } = inputs;
  const T = STATUS_THRESHOLDS;
  const requestWindow = STATUS_WINDOWS.requestsMinutes;
  const noRequests = `No requests in the last ${requestWindow} minutes.`;
  const checks: StatusCheck[] = [
    check({
      id: "request-latency-p95",
      name: "Request latency (p95)",
      threshold: T.requestLatencyP95,
      windowMinutes: requestWindow,
      sample: requests.count,
      value: requests.p95Ms === null || requests.count === 0 ? null : floorTo(requests.p95Ms, 0),
      noData: noRequests,
    }),
    check({
      id: "error-rate",
      name: "Error rate (5xx)",
      threshold: T.errorRate,
      windowMinutes: requestWindow,
      sample: requests.count,
      value: requests.count === 0 ? null : floorTo((100 * requests.errors) / requests.count, 2),
      noData: noRequests,
    }),
    ...webhookChecks(inputs.webhooks),
    ...jobChecks(jobs),
  ];
  // The request window is whole minutes: the current, still-filling one and the ones before it.
  const to = inputs.now;
  const from = requestWindowStart(to);
  return {
    status: worstOf(checks.map((c) => c.status)),
    checks,
    window: { from: from.toISOString(), to: to.toISOString(), minutes: requestWindow },
    generatedAt: to.toISOString(),
  };
}

function webhookChecks(webhooks: StatusInputs["webhooks"]): StatusCheck[] {
  const windowMinutes = STATUS_WINDOWS.webhooksMinutes;
  const noData = `No finished webhook deliveries in the last ${windowMinutes} minutes.`;
  const withDeliveries = webhooks.filter((w) => w.finished > 0).sort((a, b) => a.provider.localeCompare(b.provider));
  if (withDeliveries.length === 0) {
    return [check({ id: "webhooks", name: "Webhook success", threshold: STATUS_THRESHOLDS.webhookSuccess, windowMinutes, sample: 0, value: null, noData })];
  }
  return withDeliveries.map((w) =>
    check({
      id: `webhooks:${w.provider}`,
      name: `Webhook success: ${w.provider}`,
      threshold: STATUS_THRESHOLDS.webhookSuccess,
      windowMinutes,
      sample: w.finished,
      value: floorTo((100 * (w.finished - w.failed)) / w.finished, 2),
      noData,
    }),
  );
}

function jobChecks(jobs: StatusInputs["jobs"]): StatusCheck[] {
  const onInngest = jobs.backend === "inngest" ? "Jobs run on Inngest: see its dashboard for failures and queue age." : null;
  const windowMinutes = STATUS_WINDOWS.jobsMinutes;
  return [
    check({
      id: "job-failures",
      name: "Failed job runs",
      threshold: STATUS_THRESHOLDS.jobFailures,
      windowMinutes,
      sample: null,
      value: onInngest ? null : jobs.failed,
      noData: onInngest ?? "",
    }),
    check({
      id: "queue-age",
      name: "Queue age (oldest due run)",
      threshold: STATUS_THRESHOLDS.queueAge,
      windowMinutes: null,
      sample: null,
      // An empty queue is a known wait of zero, not missing data.
      value: onInngest ? null : floorTo((jobs.oldestDueAgeMs ?? 0) / 60_000, 1),
      noData: onInngest ?? "",
    }),
  ];
}
