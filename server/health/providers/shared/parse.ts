import type { z } from "zod";
import { AppError, fieldIssuesFromZod } from "@/server/errors";

/** Parses a webhook body; bad JSON or a wrong shape is a 400 with the offending field paths. */
export function parseBody<S extends z.ZodType>(rawBody: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw AppError.field("(body)", "The request body is not valid JSON.");
  }
  return parseValue(json, schema, "The webhook body does not have the expected shape.");
}

/** Checks a value against a schema; a mismatch is a 400 with the field paths. */
export function parseValue<S extends z.ZodType>(value: unknown, schema: S, message: string, pathPrefix = ""): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldIssuesFromZod(parsed.error).map((f) => ({
    ...f,
    path: pathPrefix ? (f.path === "(root)" ? pathPrefix : `${pathPrefix}.${f.path}`) : f.path,
  }));
  throw AppError.badRequest(message, fields);
}
