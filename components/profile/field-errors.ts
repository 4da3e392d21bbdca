/** The shape of `error.data.fields` that the tRPC error formatter sends for bad input. */
interface FieldIssue {
  path: string;
  message: string;
}

/** A ZodError's issues (what a sync mutation throws for bad args), as the formatter would send them. */
function zodIssuesOf(error: unknown): FieldIssue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { path?: PropertyKey[]; message?: string }) => ({ path: (issue.path ?? []).map(String).join("."), message: issue.message ?? "" }));
}

/**
 * Field messages of a failed mutation keyed by input path ("heightCm", "data.age"), from a tRPC
 * error or a ZodError. `rename` maps server paths onto the form's own field names.
 */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const fields = (error as { data?: { fields?: FieldIssue[] | null } } | null)?.data?.fields ?? zodIssuesOf(error);
  const result: Record<string, string> = {};
  for (const issue of fields) {
    const key = rename[issue.path] ?? issue.path;
    result[key] ??= issue.message;
  }
  return result;
}

/** A failed mutation's message for a person: a ZodError's first issue rather than its JSON. */
export function messageOf(error: unknown): string {
  const [first] = zodIssuesOf(error);
  if (first) return first.message;
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}

/** The message of a failed mutation when no single field is to blame. */
export function formErrorOf(error: unknown, fieldErrors: Record<string, string>): string | null {
  if (!error) return null;
  if (Object.keys(fieldErrors).length > 0) return null;
  return messageOf(error);
}
