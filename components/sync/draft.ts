import { sameValue } from "@/server/sync/define";

/** The edits still ahead of the row once these args are saved: those saved as they are follow the row again. */
export function settleEdits<T extends object>(edits: Partial<T>, saved: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(edits).filter(([field, value]) => !(field in saved) || !sameValue(value, saved[field as keyof T]))) as Partial<T>;
}

/** A form's values: the fields edited here over the row's values as this device now holds them. */
export const draftValues = <T extends object>(live: T, edits: Partial<T>): T => ({ ...live, ...edits });
