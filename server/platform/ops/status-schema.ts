import { z } from "zod";

/* The system status report's shape (safe to import from the client). */

export const statusColour = z.enum(["green", "yellow", "red"]);
export type StatusColour = z.infer<typeof statusColour>;

export const statusCheck = z.object({
  /** Stable id: "request-latency-p95", "error-rate", "webhooks:<provider>", "job-failures", "queue-age". */
  id: z.string(),
  name: z.string(),
  /** null: no data (the check is green and `note` says why). */
  value: z.number().nullable(),
  unit: z.enum(["ms", "%", "runs", "min"]),
  yellow: z.number(),
  red: z.number(),
  /** "above": the colour worsens as the value reaches a threshold from below; "below": as it falls under it. */
  worseWhen: z.enum(["above", "below"]),
  status: statusColour,
  /** Minutes back the value covers (null: a value of this moment, such as the queue age). */
  windowMinutes: z.number().int().nullable(),
  /** How many requests or deliveries a rate or percentile is computed from (null: the value is itself a count or an age). */
  sample: z.number().int().nullable(),
  note: z.string().optional(),
});
export type StatusCheck = z.infer<typeof statusCheck>;

export const statusReport = z.object({
  /** The worst colour of the checks. */
  status: statusColour,
  checks: z.array(statusCheck),
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), minutes: z.number().int() }),
  generatedAt: z.iso.datetime(),
});
export type StatusReport = z.infer<typeof statusReport>;
