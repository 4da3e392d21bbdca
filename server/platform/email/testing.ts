import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db";
import { emailOutbox } from "@/db/schema/email";
import { drainJobs } from "../jobs/runner";

/*
 * For tests (imported only by `*.test.ts` files): the emails the jobs queue, read from the outbox.
 */

/**
 * Runs the queued jobs (none may fail), then returns the token of the link in the newest email to
 * `to` tagged `tag`; with `route`, only a link to that page counts.
 */
export async function tokenFromEmail(db: Database, to: string, tag: string, route?: string): Promise<string> {
  const drained = await drainJobs(db, { timeoutMs: 20_000 });
  expect(drained.outcomes.failed ?? 0).toBe(0);
  const [email] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, to), eq(emailOutbox.tag, tag)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  if (!email) throw new Error(`no ${tag} email to ${to}`);
  const match = email.text.match(new RegExp(`${route ? `/${route}` : ""}\\?token=([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${route ?? tag} link in: ${email.text}`);
  return match[1];
}
