/** Random ids for the sync client: `crypto.randomUUID` needs a secure context, which http on a LAN address is not. */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const DEVICE_ID = /^[\w-]{8,64}$/;
const memoryDeviceIds = new Map<string, string>();

/**
 * This browser's client group id for one account, kept in localStorage (in memory where there is
 * none). Per account: the server refuses a group id another account registered.
 */
export function deviceId(userId: string): string {
  const key = `biosync.deviceId.${userId}`;
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  const stored = storage?.getItem(key) ?? memoryDeviceIds.get(key);
  if (stored && DEVICE_ID.test(stored)) return stored;
  const id = randomId();
  if (storage) storage.setItem(key, id);
  else memoryDeviceIds.set(key, id);
  return id;
}

/** What the browser calls itself for the conflicts page ("Firefox on Linux"). */
export function deviceLabel(userAgent: string): string {
  const browser = [/Edg\//, "Edge", /OPR\//, "Opera", /Firefox\//, "Firefox", /Chrome\//, "Chrome", /Safari\//, "Safari"] as const;
  const os = [/Android/, "Android", /iPhone|iPad/, "iOS", /Windows/, "Windows", /Mac OS X/, "macOS", /Linux/, "Linux"] as const;
  const pick = (list: readonly (RegExp | string)[]) => {
    for (let i = 0; i < list.length; i += 2) if ((list[i] as RegExp).test(userAgent)) return list[i + 1] as string;
    return null;
  };
  const name = pick(browser) ?? "Browser";
  const system = pick(os);
  return system ? `${name} on ${system}` : name;
}
