import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { ZodError } from "zod";
import type { Database } from "@/db";
import { fieldIssuesFromZod } from "./errors";
import { appRouter } from "./root";
import { createCallerFactory, type SessionUser } from "./trpc";

/* Helpers for the procedure tests (imported only by `*.test.ts` files). */

const createCaller = createCallerFactory(appRouter);

/** The request a test caller pretends to come from; by default a local one with no user agent. */
export interface TestRequest {
  ip?: string;
  userAgent?: string | null;
  requestId?: string;
}

/** A server-side tRPC caller on `db`, signed in as `user` (`null`: anonymous). */
export function callerFor(db: Database, user: SessionUser | null, request: TestRequest = {}) {
  return createCaller({ db, user, requestId: request.requestId ?? "test", ip: request.ip ?? "127.0.0.1", userAgent: request.userAgent ?? null });
}

/** A caller signed in as a made-up user with `role` (for checks that only the role matters to). */
export function callerWithRole(db: Database, role: SessionUser["role"]) {
  return callerFor(db, sessionFor({ id: randomUUID(), email: `${role}@example.com`, role }));
}

/** The signed-in user of a request, from a user row (or just its id and email). A fresh session id unless given. */
export function sessionFor(
  user: { id: string; email: string; name?: string | null; role?: SessionUser["role"] },
  sessionId: string = randomUUID(),
): SessionUser {
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role ?? "user", sessionId };
}

/** Expects `promise` to reject with an instance of `type`, and returns that error. */
export async function rejectionOf<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

/** The field paths a tRPC error names: from its ZodError cause (bad input) or its AppError cause's `fields`. */
export function fieldPaths(error: TRPCError): string[] {
  const cause = error.cause;
  if (cause instanceof ZodError) return fieldIssuesFromZod(cause).map((issue) => issue.path);
  return ((cause as { fields?: { path: string }[] } | undefined)?.fields ?? []).map((field) => field.path);
}

/** Expects `promise` to reject with a BAD_REQUEST tRPC error, and returns the field paths it names. */
export async function badRequestFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await rejectionOf(promise, TRPCError);
  expect(error.code).toBe("BAD_REQUEST");
  return fieldPaths(error);
}
