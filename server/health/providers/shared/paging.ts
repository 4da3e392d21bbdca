import type { FetchRangeInput, FetchRangeResult, ProviderHttp, ProviderRecord } from "../types";

/** Upper bound of pages one call walks, so a provider that keeps answering with a cursor cannot loop forever. */
export const MAX_PAGES = 200;

/** Walks every page of a range (for notify-only webhooks that name a range rather than a document). */
export async function fetchAllPages(
  fetchRange: (http: ProviderHttp, input: FetchRangeInput) => Promise<FetchRangeResult>,
  http: ProviderHttp,
  input: Omit<FetchRangeInput, "cursor">,
): Promise<ProviderRecord[]> {
  const records: ProviderRecord[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: FetchRangeResult = await fetchRange(http, { ...input, cursor });
    records.push(...result.records);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return records;
}
