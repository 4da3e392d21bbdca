// `npm run db:seed`: migrate, then seed an empty database with the demo user and the admin.
import { getDbHandle } from "@/db";
import { ADMIN_ACCOUNT, DEMO_ACCOUNT, seedIfEmpty } from "@/db/seed";
import { installJobs } from "@/server/platform/jobs/install";

// The seed emits the demo backfill: queued here, run by the app's runner (or sent to Inngest).
installJobs();
const handle = await getDbHandle();
const result = await seedIfEmpty(handle.db);
console.log(
  result.seeded
    ? `Seeded.\n  demo:  ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}\n  admin: ${ADMIN_ACCOUNT.email} / ${ADMIN_ACCOUNT.password}`
    : "The database already has users; nothing seeded.",
);
await handle.close();
