import { parseHlc } from "@/server/sync/hlc";
import type { MutationName } from "@/server/sync/mutations";

/** What a queued mutation does, in words for "waiting to be sent". */
const MUTATION_WORDS: Record<MutationName, string> = {
  "journal.saveEntry": "Journal entry saved",
  "journal.deleteEntry": "Journal entry deleted",
  "profile.updatePreferences": "Profile preferences changed",
  "notifications.updatePreferences": "Notification settings changed",
  "privacy.updateSettings": "Privacy settings changed",
  "actionPlan.mark": "Action plan item marked",
};

export const mutationWords = (name: string): string => MUTATION_WORDS[name as MutationName] ?? name;

/** When a queued change was made: its hybrid logical clock's wall time. */
export const madeAt = (timestamp: string): Date => new Date(parseHlc(timestamp).wall);

/** A stored value, readably: switches On/Off, nothing "—", lists joined, quiet hours as a span. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "On" : "Off";
  if (Array.isArray(value)) return value.length ? value.map(displayValue).join(", ") : "—";
  if (typeof value === "object") {
    const span = value as { start?: unknown; end?: unknown };
    if (typeof span.start === "string" && typeof span.end === "string") return `${span.start}–${span.end}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** A whole row of a delete-or-change conflict (its fields by their words), or "Deleted". */
export function displayRow(value: unknown): string {
  if (!value || typeof value !== "object") return "Deleted";
  const parts = Object.entries(value)
    .map(([field, v]) => [field, displayValue(v)] as const)
    .filter(([, shown]) => shown !== "—");
  return parts.length ? parts.map(([field, shown]) => `${field}: ${shown}`).join(" · ") : "Empty";
}

export const displayConflictValue = (kind: "field" | "row", value: unknown): string => (kind === "row" ? displayRow(value) : displayValue(value));

/** What restoring a conflict's other value does, for its button. */
export function restoreWords(conflict: { kind: "field" | "row"; losingValue: unknown }): string {
  if (conflict.kind === "field") return "Restore this value";
  return conflict.losingValue ? "Bring it back" : "Delete it";
}
