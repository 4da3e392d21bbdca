import padjust from "@stdlib/stats-padjust";

/** Benjamini–Hochberg false-discovery rate across every pair tested in one run. */
export const FDR_Q = 0.05;

/** BH-adjusted p-values (q) of one family of tests, and which of them stay below `q`. */
export function controlFalseDiscoveries(pValues: number[], q = FDR_Q): { qValues: number[]; significant: boolean[] } {
  if (!pValues.length) return { qValues: [], significant: [] };
  const qValues = padjust(pValues, "bh");
  return { qValues, significant: qValues.map((v) => v <= q) };
}
