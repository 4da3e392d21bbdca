/*
 * Errors without the data they were about. Drizzle puts a failed query's bound values in its
 * message ("Failed query: … params: …") and in `params`; Postgres puts the failing row in `detail`
 * and the offending input in its message (`invalid input syntax for type uuid: "…"`). Logs and the
 * job runs admins read keep what failed (the SQL text, the SQLSTATE, the constraint), not the values.
 */

/** Properties that carry bound values or rows (Drizzle, node-postgres, PGlite). */
const VALUE_PROPERTIES = new Set(["params", "parameters", "values", "detail", "where", "internalQuery", "raw"]);
const MAX_DEPTH = 8;

const isError = (value: unknown): value is Error =>
  value instanceof Error || (typeof value === "object" && value !== null && typeof (value as Error).message === "string" && typeof (value as Error).stack === "string");

/** A Postgres error (any driver): a five-character SQLSTATE and a severity. */
const isDatabaseError = (error: Error) => {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
};

/** The message of `error` without bound values. */
export function redactMessage(error: Error): string {
  let message = error.message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
  // Postgres quotes the input it refused after a colon; constraint names it quotes elsewhere stay.
  if (isDatabaseError(error)) message = message.replace(/: "(?:[^"]|"")*"/g, ': "[redacted]"');
  return message;
}

function redactStack(error: Error, message: string): string | undefined {
  const stack = error.stack;
  if (!stack) return undefined;
  if (stack.includes(error.message)) return stack.replace(error.message, message);
  // The stack was built from another message: keep only its frames.
  const frames = stack.indexOf("\n    at ");
  return `${error.name}: ${message}${frames >= 0 ? stack.slice(frames) : ""}`;
}

export interface RedactedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  errors?: unknown[];
  [key: string]: unknown;
}

/** A plain copy of `error` and its causes, without bound values: the logger's `err` serializer. */
export function redactError(error: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (!isError(error)) return error;
  if (seen.has(error) || depth > MAX_DEPTH) return { type: error.constructor?.name ?? "Error", message: "[circular or too deep]" };
  seen.add(error);
  const message = redactMessage(error);
  const copy: RedactedError = { type: error.constructor?.name ?? error.name, message, stack: redactStack(error, message) };
  for (const [key, value] of Object.entries(error)) {
    if (VALUE_PROPERTIES.has(key) || key in copy || key === "cause" || key === "errors") continue;
    copy[key] = isError(value) ? redactError(value, depth + 1, seen) : value;
  }
  if (error.cause !== undefined) copy.cause = redactError(error.cause, depth + 1, seen);
  if (Array.isArray((error as AggregateError).errors)) copy.errors = (error as AggregateError).errors.map((inner) => redactError(inner, depth + 1, seen));
  return copy;
}

/** `error`'s stack (or message) and its causes' as one text, without bound values (for stored failures). */
export function redactedErrorText(error: unknown): string {
  if (!isError(error)) return String(error);
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; isError(current) && depth <= MAX_DEPTH; depth++) {
    const message = redactMessage(current);
    parts.push(redactStack(current, message) ?? `${current.name}: ${message}`);
    current = current.cause;
  }
  return parts.join("\ncaused by: ");
}
