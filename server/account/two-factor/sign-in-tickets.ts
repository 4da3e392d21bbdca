import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { signInTickets } from "@/db/schema/two-factor";
import { isFirstFactor, type FirstFactor } from "./factors";

/** How long the second step may take after the password was right. */
export const TICKET_TTL_SECONDS = 5 * 60;
/** Codes one ticket may try; then the password is needed again (and the throttle counts each try too). */
export const TICKET_MAX_ATTEMPTS = 5;

function hashTicket(ticket: string): string {
  return createHash("sha256").update(ticket, "utf8").digest("hex");
}

export interface IssuedTicket {
  ticket: string;
  expiresAt: Date;
}

export async function issueSignInTicket(db: Database, input: { userId: string; firstFactor: FirstFactor; ip: string | null; now?: Date }): Promise<IssuedTicket> {
  const now = input.now ?? new Date();
  const ticket = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TICKET_TTL_SECONDS * 1000);
  // Expired tickets are of no use to anyone; dropping them here keeps the table small.
  await db.delete(signInTickets).where(lt(signInTickets.expiresAt, now));
  await db.insert(signInTickets).values({ userId: input.userId, tokenHash: hashTicket(ticket), firstFactor: input.firstFactor, ip: input.ip, createdAt: now, expiresAt });
  return { ticket, expiresAt };
}

export interface LiveTicket {
  id: string;
  userId: string;
  firstFactor: FirstFactor;
}

const live = (now: Date) => and(isNull(signInTickets.usedAt), gt(signInTickets.expiresAt, now), lt(signInTickets.attempts, TICKET_MAX_ATTEMPTS));

/** The pending sign-in of `ticket`, or null when it is unknown, used, expired or out of attempts. */
export async function findLiveTicket(db: Database, ticket: string, now: Date = new Date()): Promise<LiveTicket | null> {
  if (!ticket || ticket.length > 128) return null;
  const [row] = await db
    .select({ id: signInTickets.id, userId: signInTickets.userId, firstFactor: signInTickets.firstFactor })
    .from(signInTickets)
    .where(and(eq(signInTickets.tokenHash, hashTicket(ticket)), live(now)))
    .limit(1);
  return row && isFirstFactor(row.firstFactor) ? { ...row, firstFactor: row.firstFactor } : null;
}

/** Counts one code attempt on the ticket; false when it is no longer live (out of attempts, used, expired). */
export async function countTicketAttempt(db: Database, id: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(signInTickets)
    .set({ attempts: sql`${signInTickets.attempts} + 1` })
    .where(and(eq(signInTickets.id, id), live(now)))
    .returning({ id: signInTickets.id });
  return rows.length > 0;
}

/** Uses the ticket up; false when another request already did (one sign-in per ticket). */
export async function consumeTicket(db: Database, id: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(signInTickets)
    .set({ usedAt: now })
    .where(and(eq(signInTickets.id, id), isNull(signInTickets.usedAt), gt(signInTickets.expiresAt, now)))
    .returning({ id: signInTickets.id });
  return rows.length > 0;
}
