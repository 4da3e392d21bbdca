import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "../../account/auth/secret";

/** What a download link grants: one stored file, under one name, until it expires. */
export interface SignedFile {
  key: string;
  filename: string;
  expiresAt: Date;
  /** The export the file belongs to (recorded when the file is downloaded). */
  exportId?: string;
}

export type VerifiedFile = { ok: true; file: SignedFile } | { ok: false; status: 403 | 410; reason: string };

/** The path of download links; the token is the last segment. */
export const FILE_ROUTE = "/api/files";

// A key of its own, derived from the auth secret: a file link can never pass for a session token.
const signingKey = () => createHmac("sha256", resolveAuthSecret()).update("biosync file download links v1").digest();
const mac = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest();

/** An opaque token: the grant (key, file name, expiry) and an HMAC over it. */
export function signFileToken(file: SignedFile): string {
  const grant = { k: file.key, f: file.filename, e: Math.floor(file.expiresAt.getTime() / 1000), ...(file.exportId ? { x: file.exportId } : {}) };
  const payload = Buffer.from(JSON.stringify(grant)).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The download link of a file (relative to the app's origin). */
export function signedFileUrl(file: SignedFile): string {
  return `${FILE_ROUTE}/${signFileToken(file)}`;
}

/** 403 for a token that is not ours or was changed; 410 once it has expired. */
export function verifyFileToken(token: string, now: Date = new Date()): VerifiedFile {
  const refused = { ok: false, status: 403, reason: "This download link is not valid." } as const;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 2048) return refused;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused;
  let grant: unknown;
  try {
    grant = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return refused;
  }
  const { k, f, e, x } = (grant ?? {}) as Record<string, unknown>;
  if (typeof k !== "string" || typeof f !== "string" || typeof e !== "number" || (x !== undefined && typeof x !== "string")) return refused;
  const expiresAt = new Date(e * 1000);
  if (expiresAt <= now) return { ok: false, status: 410, reason: "This download link has expired. Ask for a new one from the page you came from." };
  return { ok: true, file: { key: k, filename: f, expiresAt, exportId: x } };
}

/** `attachment` with the name in ASCII and, for any other character, in RFC 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
