/** The shape of `error.data.fields` that the tRPC error formatter sends for bad input. */
interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Field messages of a failed mutation keyed by input path ("heightCm", "data.age").
 * `rename` maps server paths onto the form's own field names.
 */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const fields = (error as { data?: { fields?: FieldIssue[] | null } } | null)?.data?.fields ?? [];
  const result: Record<string, string> = {};
  for (const issue of fields) {
    const key = rename[issue.path] ?? issue.path;
    result[key] ??= issue.message;
  }
  return result;
}

/** The message of a failed mutation when no single field is to blame. */
export function formErrorOf(error: unknown, fieldErrors: Record<string, string>): string | null {
  if (!error) return null;
  if (Object.keys(fieldErrors).length > 0) return null;
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}
