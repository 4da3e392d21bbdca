"use client";

import { useCallback, useState } from "react";
import { draftValues, settleEdits } from "./draft";

/**
 * A form over a synced row that can change while it is open (another device's change arrives by a
 * poke): the fields the person edited stay as typed, the others follow the row. `settle` after a
 * save lets the saved fields follow the row again (edits typed since then stay).
 */
export function useDraft<T extends object>(live: T) {
  const [edits, setEdits] = useState<Partial<T>>({});
  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => setEdits((current) => ({ ...current, [field]: value })), []);
  const settle = useCallback((saved: Partial<T>) => setEdits((current) => settleEdits(current, saved)), []);
  return { values: draftValues(live, edits), set, settle, edited: Object.keys(edits).length > 0 };
}
