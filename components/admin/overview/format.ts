/** "12%" of a part of a whole ("0%" of nothing). */
export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 1000) / 10}%`;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Cents as dollars, e.g. "$1,234.00". */
export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}
