"use client";

import { useMemo } from "react";
import { useSyncedRows } from "@/components/sync/hooks";
import { composeEntries, tagListOf } from "./entry-view";

/** This device's journal (entries newest first, the tag list); undefined while the copy loads. */
export function useLocalJournal() {
  const entries = useSyncedRows("journal_entries");
  const tags = useSyncedRows("journal_tags");
  const links = useSyncedRows("journal_entry_tags");
  return useMemo(() => {
    if (!entries || !tags || !links) return undefined;
    const all = composeEntries({ entries, tags, links });
    return { entries: all, tags: tagListOf(tags, all) };
  }, [entries, tags, links]);
}
