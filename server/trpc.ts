import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import type { Database } from "@/db";
import { ADMIN_IP_REFUSED, adminIpAllowed } from "./admin/ip-allowlist";
import { AppError, describeError, fieldIssuesFromZod, toTRPCError } from "./errors";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  /** The `auth_sessions` row this request is signed in through; "" for an API token caller (no session has that id). */
  sessionId: string;
}

export interface Context {
  db: Database;
  user: SessionUser | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  /** Headers the procedure wants on the HTTP response (e.g. Retry-After). */
  resHeaders?: Headers;
  /** Set on /api/v1 only: the personal API token the caller authenticated with (never with a session). */
  apiToken?: { id: string; scope: "read" | "write" } | null;
}

/**
 * Who may call a procedure: `access` is set once by the builder it is made from (never per
 * procedure), so the role matrix test can check every procedure against what it claims. `openapi`
 * puts a procedure on the REST face (/api/v1, server/api): only a procedure that sets it is there.
 */
export type ProcedureMeta = OpenApiMeta<{ access?: "public" | "user" | "admin" }>;

/** The one reason a read-only API token's call to a mutation is refused with (403). */
export const API_TOKEN_SCOPE_REASON = "api-token.scope";

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fields = undefined;
    if (cause instanceof ZodError) fields = fieldIssuesFromZod(cause);
    else if (cause instanceof AppError) fields = cause.fields;
    const described = error.code === "INTERNAL_SERVER_ERROR" ? describeError(error) : undefined;
    return {
      ...shape,
      message: fields?.[0] && cause instanceof ZodError ? describeError(cause).message : (described?.message ?? shape.message),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fields: fields ?? null,
        retryAfter: cause instanceof AppError ? (cause.retryAfter ?? null) : null,
        reason: cause instanceof AppError ? (cause.reason ?? null) : null,
        details: cause instanceof AppError ? (cause.details ?? null) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const middleware = t.middleware;

/** Domain code throws AppError; this turns it into the matching tRPC code (never a 500 for bad input). */
const mapAppErrors = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      if (cause.retryAfter !== undefined) ctx.resHeaders?.set("retry-after", String(Math.ceil(cause.retryAfter)));
      throw toTRPCError(cause);
    }
    if (cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
      throw new TRPCError({ code: "BAD_REQUEST", message: describeError(cause).message, cause });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.meta({ access: "public" }).use(mapAppErrors);

export const protectedProcedure = publicProcedure.meta({ access: "user" }).use(({ ctx, next, type }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  // The one place an API token's scope is enforced: a "read" token calls queries only.
  if (ctx.apiToken && ctx.apiToken.scope !== "write" && type !== "query") {
    throw new AppError("FORBIDDEN", "This API token is read-only: create a token with the write scope to change data.", {
      reason: API_TOKEN_SCOPE_REASON,
      details: { scope: ctx.apiToken.scope },
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.meta({ access: "admin" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only." });
  if (!adminIpAllowed(ctx.ip)) throw new TRPCError({ code: "FORBIDDEN", message: ADMIN_IP_REFUSED });
  return next({ ctx });
});
