import { decryptSecret, encryptSecret } from "../../platform/crypto";

/** Notes as stored: an encrypted envelope, or null for none (an empty note is no note). */
export function sealNotes(plain: string | null | undefined): string | null {
  return plain ? encryptSecret(plain) : null;
}

export function openNotes(envelope: string | null): string | null {
  return envelope === null ? null : decryptSecret(envelope);
}
