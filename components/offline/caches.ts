/**
 * Deletes every Cache Storage cache of the app (the service worker's page, RSC and shell caches):
 * after sign-out nothing of the account may open offline. Safe where the Cache API is missing.
 */
export async function clearOfflineCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys().catch(() => [] as string[]);
  await Promise.all(names.map((name) => caches.delete(name).catch(() => false)));
}
