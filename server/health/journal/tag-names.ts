import { MAX_TAG_NAME } from "./limits";

/** Tags offered to a new journal: the habits people most often ask about. */
export const SUGGESTED_TAGS = ["alcohol", "caffeine late", "late meal", "stress", "travel", "sick", "screen time in bed", "workout late"] as const;

/** A tag as shown: whitespace collapsed, a question's "?" dropped ("Any alcohol?" → "Any alcohol"). */
export function displayTagName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?¿!.:;,]+$/u, "")
    .replace(/^[¿¡\s]+/u, "")
    .slice(0, MAX_TAG_NAME);
}

/** What makes two tags the same tag: the display name lower-cased ("Late  meal?" = "late meal"). */
export function normalizeTagName(name: string): string {
  return displayTagName(name).toLocaleLowerCase("en-US");
}
