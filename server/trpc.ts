import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "@/db";
import { ADMIN_IP_REFUSED, adminIpAllowed } from "./admin/ip-allowlist";
import { AppError, describeError, fieldIssuesFromZod, toTRPCError } from "./errors";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  /** The `auth_sessions` row this request is signed in through. */
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
}

/**
 * Who may call a procedure: set once by the builder it is made from (never per procedure), so
 * the role matrix test can check every procedure against what it claims.
 */
export interface ProcedureMeta {
  access: "public" | "user" | "admin";
}

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

export const protectedProcedure = publicProcedure.meta({ access: "user" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.meta({ access: "admin" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only." });
  if (!adminIpAllowed(ctx.ip)) throw new TRPCError({ code: "FORBIDDEN", message: ADMIN_IP_REFUSED });
  return next({ ctx });
});
