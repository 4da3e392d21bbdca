import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/** The one error vocabulary of BioSync: domain code throws these, transports map them. */
export const appErrorCodes = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export interface FieldIssue {
  /** Dotted path of the offending input field, e.g. "profile.heightCm". */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  fields?: FieldIssue[];
  /** Seconds until a rate-limited caller may try again. */
  retryAfter?: number;
  /**
   * A stable machine-readable reason a client may branch on (e.g. "plan.upgrade-required"), finer
   * than the code; the message is for people and may change.
   */
  reason?: string;
  /** Facts that go with the reason (e.g. the feature and the plan that includes it). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldIssue[];
  readonly retryAfter?: number;
  readonly reason?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.reason = options.reason;
    this.details = options.details;
  }

  get status(): number {
    return appErrorCodes[this.code];
  }

  static badRequest(message: string, fields?: FieldIssue[]) {
    return new AppError("BAD_REQUEST", message, { fields });
  }
  static field(path: string, message: string) {
    return new AppError("BAD_REQUEST", message, { fields: [{ path, message }] });
  }
  static unauthorized(message = "Sign in to continue.") {
    return new AppError("UNAUTHORIZED", message);
  }
  static forbidden(message = "You do not have access to this.") {
    return new AppError("FORBIDDEN", message);
  }
  static notFound(what = "Resource") {
    return new AppError("NOT_FOUND", `${what} not found.`);
  }
  static conflict(message: string) {
    return new AppError("CONFLICT", message);
  }
  static tooManyRequests(retryAfter: number, message = "Too many attempts. Try again later.") {
    return new AppError("TOO_MANY_REQUESTS", message, { retryAfter });
  }
}

export function fieldIssuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

const trpcCodeFor: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_ALLOWED: "METHOD_NOT_SUPPORTED",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeFor[error.code], message: error.message, cause: error });
}

export interface ErrorBody {
  code: AppErrorCode;
  message: string;
  fields?: FieldIssue[];
  retryAfter?: number;
  reason?: string;
  details?: Record<string, unknown>;
}

/** Normalises anything thrown into the public error shape (used by tRPC and route handlers). */
export function describeError(error: unknown): ErrorBody {
  const root = unwrap(error);
  if (root instanceof AppError) {
    return { code: root.code, message: root.message, fields: root.fields, retryAfter: root.retryAfter, reason: root.reason, details: root.details };
  }
  if (root instanceof ZodError) {
    const fields = fieldIssuesFromZod(root);
    return { code: "BAD_REQUEST", message: describeFields(fields), fields };
  }
  if (error instanceof TRPCError) {
    const code = (Object.entries(trpcCodeFor).find(([, c]) => c === error.code)?.[0] ?? "INTERNAL") as AppErrorCode;
    if (code === "INTERNAL") return { code, message: "Something went wrong on our side." };
    return { code, message: error.message };
  }
  if (isJsonSyntaxError(root)) return { code: "BAD_REQUEST", message: "The request body is not valid JSON." };
  return { code: "INTERNAL", message: "Something went wrong on our side." };
}

function unwrap(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5 && current instanceof Error; i++) {
    if (current instanceof AppError || current instanceof ZodError) return current;
    if (!current.cause) break;
    current = current.cause;
  }
  return current;
}

function isJsonSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && /JSON/i.test(error.message);
}

function describeFields(fields: FieldIssue[]): string {
  const first = fields[0];
  if (!first) return "Invalid input.";
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : "";
  return `Invalid input: ${first.path}: ${first.message}${more}`;
}

/** A JSON Response for route handlers, with Retry-After on 429. */
export function errorResponse(error: unknown, requestId?: string): Response {
  const body = describeError(error);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (body.retryAfter !== undefined) headers["retry-after"] = String(Math.ceil(body.retryAfter));
  if (requestId) headers["x-request-id"] = requestId;
  return new Response(JSON.stringify({ error: body }), { status: appErrorCodes[body.code], headers });
}
