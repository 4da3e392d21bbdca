import { z } from "zod";
import { CONTRIBUTOR_KEYS } from "../types";
import { MAX_WEIGHT } from "./weights";

/* Inputs and outputs of the energy score procedures (safe to import from the client). */

const contributorKey = z.enum(CONTRIBUTOR_KEYS);
const weight = z
  .number({ error: "Use a number." })
  .int("Use a whole number.")
  .min(0, "A weight cannot be below 0.")
  .max(MAX_WEIGHT, `A weight cannot be above ${MAX_WEIGHT}.`);

/** Some contributors' weights: each key a known contributor, each weight a whole number 0–30. */
export const scoreWeightsInput = z.partialRecord(contributorKey, weight);

/** Replaces the caller's (or, for admins, the service's) weights: keys left out follow the layer below. */
export const setScoreWeightsInput = z.object({ weights: scoreWeightsInput });

const someWeights = z.partialRecord(contributorKey, z.number());
const allWeights = z.record(contributorKey, z.number());

export const weightLayersOutput = z.object({
  defaults: allWeights,
  adminDefaults: someWeights,
  overrides: someWeights,
  effective: allWeights,
});

export const adminWeightsOutput = z.object({
  defaults: allWeights,
  adminDefaults: someWeights,
  effective: allWeights,
  updatedAt: z.date().nullable(),
});

export type WeightLayersView = z.infer<typeof weightLayersOutput>;
export type AdminWeightsView = z.infer<typeof adminWeightsOutput>;
