import { getDb } from "@/db";
import { getSessionUser } from "./account/auth/current-user";
import { clientIp, requestId } from "./request";
import type { Context } from "./trpc";

/** Builds the tRPC context for one HTTP request (or one RSC render, from its headers). */
export async function createContext(headers: Headers, resHeaders?: Headers): Promise<Context> {
  const db = await getDb();
  return {
    db,
    user: await getSessionUser(db),
    requestId: requestId(headers),
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    resHeaders,
  };
}
