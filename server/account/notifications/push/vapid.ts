import webpush from "web-push";
import { env, type Env } from "@/server/env";
import { readOrCreateLocalSecret } from "@/server/local-secret";

export interface VapidDetails {
  subject: string;
  publicKey: string;
  privateKey: string;
}

export const LOCAL_KEYS_FILE = "vapid-keys.json";

/** The address in EMAIL_FROM ("BioSync <no-reply@x>" → no-reply@x). */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

function defaultSubject(appUrl: string, emailFrom: string): string {
  return appUrl.startsWith("https://") ? appUrl : `mailto:${addressOf(emailFrom)}`;
}

/**
 * The VAPID key pair and subject every push is signed with: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when
 * set, else a pair generated once under DATA_DIR (the embedded default, like AUTH_SECRET's), so a fresh
 * clone can push. Browsers subscribe with the public key: a second instance must use the same pair.
 */
export function resolveVapidDetails(e: Env): VapidDetails {
  const keys =
    e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
      ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
      : (JSON.parse(readOrCreateLocalSecret(LOCAL_KEYS_FILE, () => JSON.stringify(webpush.generateVAPIDKeys()))) as { publicKey: string; privateKey: string });
  return { subject: e.VAPID_SUBJECT ?? defaultSubject(e.APP_URL, e.EMAIL_FROM), publicKey: keys.publicKey, privateKey: keys.privateKey };
}

let cached: VapidDetails | undefined;

/** This process's VAPID details (resolved once). */
export const vapidDetails = (): VapidDetails => (cached ??= resolveVapidDetails(env()));
