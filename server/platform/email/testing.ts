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

/** A request the fake Resend API received. */
export interface ResendRequest {
  url: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: { to?: string; subject?: string; html?: string; text?: string; headers?: Record<string, string>; [key: string]: unknown };
}

/**
 * A local stand-in for Resend's `POST /emails` on `port` (0: any free one): it records each
 * request and answers with `respond()` (by default 200 with a new id).
 */
export async function startFakeResend(port = 0) {
  const { createServer } = await import("node:http");
  const requests: ResendRequest[] = [];
  let respond: () => { status: number; body: unknown } = () => ({ status: 200, body: { id: `re_${requests.length}` } });
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({ url: req.url, headers: req.headers, body: JSON.parse(body) as ResendRequest["body"] });
      const answer = respond();
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as import("node:net").AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    answerWith(next: () => { status: number; body: unknown }) {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
