import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import type { AssignableRole } from "@/db/schema/teams";
import { onPlan } from "@/server/account/plans/testing";
import { tokenFromEmail } from "@/server/platform/email/testing";
import { callerFor, sessionFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";

/* Fixtures of the teams tests (imported only by `*.test.ts` files). */

export async function teamUser(db: Database, email: string, name: string | null = null): Promise<SessionUser> {
  const [row] = await db.insert(users).values({ email, name }).returning();
  return sessionFor(row!);
}

/** The token of the newest invitation emailed to `email`. */
export const inviteTokenFor = (db: Database, email: string) => tokenFromEmail(db, email, "team-invite", "team-invite");

/** Invites `person` through the owner's procedure and accepts as them through theirs. */
export async function join(db: Database, owner: SessionUser, organizationId: string, person: SessionUser, role: AssignableRole): Promise<void> {
  await callerFor(db, owner).teams.invites.create({ organizationId, email: person.email, role });
  await callerFor(db, person).teams.invites.accept({ token: await inviteTokenFor(db, person.email) });
}

/** An owner on the team plan with an organization, a coach and a member who joined by invitation. */
export async function makeTeam(db: Database, label: string) {
  const owner = await teamUser(db, `owner-${label}@example.com`, `Owner ${label}`);
  const coach = await teamUser(db, `coach-${label}@example.com`, `Coach ${label}`);
  const member = await teamUser(db, `member-${label}@example.com`, `Member ${label}`);
  await onPlan(db, owner.id, "team");
  const org = await callerFor(db, owner).teams.create({ name: `Team ${label}` });
  await join(db, owner, org.id, coach, "coach");
  await join(db, owner, org.id, member, "member");
  return { owner, coach, member, org };
}
