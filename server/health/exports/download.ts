import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { dataExports } from "@/db/schema/exports";
import { recordAudit } from "../../platform/audit/audit";
import { fileStorage } from "../../platform/storage";
import { attachmentDisposition, verifyFileToken } from "../../platform/storage/signed-url";
import { EXPORT_WRITERS } from "./writers";

const refusal = (status: 403 | 410, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const GONE = "This export has expired or was removed. Ask for a new one under Settings → Your data.";

/**
 * The answer to a download link: the file as an attachment, streamed from storage; 403 for a link
 * that is not ours or was changed, 410 once the link or its export has expired. A download is audited.
 */
export async function serveExportDownload(db: Database, token: string, who: { userId: string | null; ip: string | null }, now: Date = new Date()): Promise<Response> {
  const verified = verifyFileToken(token, now);
  if (!verified.ok) return refusal(verified.status, verified.reason);
  const { file } = verified;
  if (!file.exportId) return refusal(403, "This download link is not valid.");
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, file.exportId));
  if (!row || row.storageKey !== file.key || row.status !== "succeeded" || (row.expiresAt && row.expiresAt <= now)) return refusal(410, GONE);
  const stored = await fileStorage().get(file.key);
  if (!stored) return refusal(410, GONE);
  await recordAudit(db, {
    action: "exports.downloaded",
    actorUserId: who.userId,
    subjectUserId: row.userId,
    target: { type: "data_export", id: row.id },
    ip: who.ip,
    details: { kind: row.kind, filename: file.filename, bytes: stored.bytes },
  });
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "content-type": EXPORT_WRITERS[row.kind].contentType,
      "content-length": String(stored.bytes),
      "content-disposition": attachmentDisposition(file.filename),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
