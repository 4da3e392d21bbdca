import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { errorResponse } from "@/server/errors";
import { serveExportDownload } from "@/server/health/exports/download";
import { clientIp, requestId } from "@/server/request";

export const dynamic = "force-dynamic";

/** A signed, expiring download link (see server/platform/storage/signed-url.ts): the file as an attachment. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const db = await getDb();
    const { token } = await params;
    const user = await getSessionUser(db);
    return await serveExportDownload(db, token, { userId: user?.id ?? null, ip: clientIp(req.headers) });
  } catch (error) {
    return errorResponse(error, requestId(req.headers));
  }
}
