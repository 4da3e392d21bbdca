// `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded PGlite).
import { openDatabase } from "@/db";

const handle = await openDatabase(process.env.DATABASE_URL);
await handle.migrate();
console.log(`Migrations applied (${handle.kind}).`);
await handle.close();
