/** A number as the benchmark tables print it: thousands separated, `digits` decimals exactly. */
export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
