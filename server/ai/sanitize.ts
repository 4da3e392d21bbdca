/*
 * What may leave the server in a prompt: aggregates only. Facts pass through an allow-list of field
 * names; numbers must be finite, strings must be short labels (an enum value, a metric name, a
 * date), and no string may carry an email address or a piece of the user's name. Free-text fields
 * (a journal note, a body of prose) are dropped by name even when a feature lists them by mistake.
 */

export type Fact = number | boolean | string | null | Fact[] | { [key: string]: Fact };
export type Facts = { [key: string]: Fact };

export interface SanitizeOptions {
  /** Field names that may appear, at any depth. */
  allow: readonly string[];
  /** Strings that must never appear (the user's name, email); matched case-insensitively. */
  secrets: readonly (string | null | undefined)[];
}

export interface Sanitized {
  facts: Facts;
  /** Paths of what was dropped (never the values), for the log. */
  removed: string[];
}

/** Keys that hold free text wherever they appear: never sent. */
const FREE_TEXT_KEY = /^(notes?|text|comments?|description|body|message|content|journal|entry|free_?text|memo|diary)$/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** A label: letters, digits, spaces and the punctuation of units and comparisons, nothing more. */
const LABEL = /^[\p{L}\p{N} _.,:%+\-−<>=≥≤/()°]*$/u;
export const MAX_LABEL_CHARS = 48;
const MAX_DEPTH = 5;
/** Parts of a name shorter than this ("Al", "de") would match too much ordinary text. */
const MIN_NAME_PART = 3;

export function sanitizeFacts(input: Record<string, unknown>, options: SanitizeOptions): Sanitized {
  const allow = new Set(options.allow);
  const secrets = secretParts(options.secrets);
  const removed: string[] = [];

  const clean = (value: unknown, path: string, depth: number): Fact | undefined => {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : drop(path);
    if (typeof value === "string") return isSafeLabel(value, secrets) ? value : drop(path);
    if (depth >= MAX_DEPTH) return drop(path);
    if (Array.isArray(value)) {
      return value.map((item, i) => clean(item, `${path}[${i}]`, depth + 1)).filter((item): item is Fact => item !== undefined);
    }
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Facts = {};
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (FREE_TEXT_KEY.test(key) || !allow.has(key)) {
          removed.push(at);
          continue;
        }
        const cleaned = clean(item, at, depth + 1);
        if (cleaned !== undefined) out[key] = cleaned;
      }
      return out;
    }
    return drop(path);
  };
  const drop = (path: string): undefined => {
    removed.push(path);
    return undefined;
  };

  return { facts: (clean(input, "", 0) ?? {}) as Facts, removed };
}

function isSafeLabel(value: string, secrets: string[]): boolean {
  if (value.length > MAX_LABEL_CHARS || !LABEL.test(value) || EMAIL.test(value)) return false;
  const lower = value.toLowerCase();
  return !secrets.some((part) => lower.includes(part));
}

/** The secrets and their words (of a name, of an email's local part: not its domain), lower-cased. */
function secretParts(secrets: readonly (string | null | undefined)[]): string[] {
  const parts = new Set<string>();
  for (const secret of secrets) {
    const s = secret?.trim().toLowerCase();
    if (!s) continue;
    parts.add(s);
    const at = s.indexOf("@");
    const personal = at >= 0 ? s.slice(0, at) : s;
    parts.add(personal);
    for (const word of personal.split(/[\s.,_\-+'’]+/)) if (word.length >= MIN_NAME_PART) parts.add(word);
  }
  return [...parts].filter((part) => part.length >= MIN_NAME_PART);
}
