/** Random ids for the sync client: `crypto.randomUUID` needs a secure context, which http on a LAN address is not. */
export function randomId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const DEVICE_ID_KEY = "biosync.deviceId";
const DEVICE_ID = /^[\w-]{8,64}$/;
let memoryDeviceId: string | undefined;

/** This browser's client group id, kept in localStorage (in memory where there is none). */
export function deviceId(): string {
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  const stored = storage?.getItem(DEVICE_ID_KEY) ?? memoryDeviceId;
  if (stored && DEVICE_ID.test(stored)) return stored;
  const id = randomId();
  if (storage) storage.setItem(DEVICE_ID_KEY, id);
  else memoryDeviceId = id;
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
