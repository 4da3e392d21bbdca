import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { AppError, errorResponse } from "@/server/errors";
import { uploadQuery } from "@/server/health/imports/upload-query";
import { receiveUpload } from "@/server/health/imports/uploads";
import { refuseCrossSite } from "@/server/http/same-origin";
import { withRequestMetrics } from "@/server/platform/telemetry/http";
import { clientIp, requestId } from "@/server/request";

export const dynamic = "force-dynamic";

/**
 * Upload of an export file as the raw request body (`?filename=…&accountId=…`), streamed into the
 * database piece by piece; answers 202 with the queued import (200 with the earlier one for a repeat).
 * proxy.ts does not match this route, so the body arrives whole and unbuffered, and the
 * cross-site check it would have made is made here.
 */
export const POST = withRequestMetrics("/api/imports", async (req: Request) => {
  const refused = refuseCrossSite(req);
  if (refused) return refused;
  const id = requestId(req.headers);
  try {
    const db = await getDb();
    const user = await getSessionUser(db);
    if (!user) throw AppError.unauthorized();
    const query = uploadQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    if (!req.body) throw AppError.field("file", "Choose a file to upload.");
    const result = await receiveUpload(db, {
      userId: user.id,
      ip: clientIp(req.headers),
      filename: query.filename,
      accountId: query.accountId || null,
      body: req.body as unknown as AsyncIterable<Uint8Array>,
      declaredBytes: Number(req.headers.get("content-length")) || null,
    });
    return Response.json(result, { status: result.duplicate ? 200 : 202, headers: { "x-request-id": id } });
  } catch (error) {
    return errorResponse(error, id);
  }
});
