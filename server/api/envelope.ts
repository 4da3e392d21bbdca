import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AppError, appErrorCodes, describeError, type AppErrorCode } from "../errors";

/** The one error body of /api/v1 (also the document's Error schema). */
export const restErrorEnvelope = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(appErrorCodes) as [AppErrorCode, ...AppErrorCode[]]).describe("From BioSync's error vocabulary (server/errors.ts)."),
        message: z.string().describe("For people; may change. Branch on `code` and `details.reason`."),
        details: z
          .object({
            requestId: z.string(),
            reason: z.string().optional().describe("A stable machine-readable reason finer than the code, e.g. api-token.scope."),
            retryAfter: z.number().int().optional().describe("Seconds until a rate-limited call may be tried again (also Retry-After)."),
            fields: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional().describe("The input fields that are not valid."),
          })
          .catchall(z.unknown()),
      })
      .strict(),
  })
  .strict();
export type RestErrorEnvelope = z.infer<typeof restErrorEnvelope>;

/** trpc-to-openapi's own failures, in our vocabulary (everything else goes through describeError). */
function normalise(error: unknown): unknown {
  if (error instanceof TRPCError && error.code === "PARSE_ERROR") return AppError.badRequest("The request body is not valid JSON.");
  return error;
}

export function restErrorBody(error: unknown, requestId: string): RestErrorEnvelope {
  const described = describeError(normalise(error));
  const details: RestErrorEnvelope["error"]["details"] = { ...described.details, requestId };
  if (described.fields?.length) details.fields = described.fields;
  if (described.reason) details.reason = described.reason;
  if (described.retryAfter !== undefined) details.retryAfter = Math.ceil(described.retryAfter);
  return { error: { code: described.code, message: described.message, details } };
}

/** A JSON error answer of /api/v1 in the envelope, with Retry-After on 429 and WWW-Authenticate on 401. */
export function restErrorResponse(error: unknown, requestId: string, extraHeaders: Record<string, string> = {}): Response {
  const body = restErrorBody(error, requestId);
  const status = appErrorCodes[body.error.code];
  const headers = new Headers({ "content-type": "application/json", "x-request-id": requestId, ...extraHeaders });
  if (body.error.details.retryAfter !== undefined) headers.set("retry-after", String(body.error.details.retryAfter));
  if (status === 401) headers.set("www-authenticate", 'Bearer realm="BioSync API"');
  return new Response(JSON.stringify(body), { status, headers });
}
