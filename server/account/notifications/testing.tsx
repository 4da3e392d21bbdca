import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { notificationPreferences, profiles } from "@/db/schema/profile";
import { EmailLayout, EmailText } from "@/components/emails/layout";
import { NotificationFooter } from "@/components/emails/notification-footer";
import { createUser } from "../auth/users";
import type { NotificationContent, NotificationKind } from "./sources";

/* For tests (imported only by `*.test.ts` files). */

/** A verified user in `timeZone` with the notification preferences given. */
export async function notifiedUser(db: Database, options: { timeZone?: string; verified?: boolean; preferences?: Partial<typeof notificationPreferences.$inferInsert> } = {}) {
  const user = await createUser(db, { email: `notify-${randomUUID()}@example.com`, verified: options.verified ?? true });
  await db.insert(profiles).values({ userId: user.id, timeZone: options.timeZone ?? "UTC" });
  await db.insert(notificationPreferences).values({ userId: user.id, ...options.preferences });
  return user;
}

export async function setPreferences(db: Database, userId: string, changes: Partial<typeof notificationPreferences.$inferInsert>) {
  await db.update(notificationPreferences).set(changes).where(eq(notificationPreferences.userId, userId));
}

/** A notification of `kind` as a source would word it. */
export function sampleContent(kind: NotificationKind, dedupeKey: string): NotificationContent {
  return {
    kind,
    dedupeKey,
    subject: `Sample ${kind}`,
    email: (links) => (
      <EmailLayout preview="Sample" heading={`Sample ${kind}`} footer={<NotificationFooter links={links} kindLabel={kind} />}>
        <EmailText>Body of {dedupeKey}</EmailText>
      </EmailLayout>
    ),
    inApp: { title: `Sample ${kind}`, body: `In-app body of ${dedupeKey}`, href: "/dashboard" },
  };
}
