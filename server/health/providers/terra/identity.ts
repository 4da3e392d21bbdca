import { offsetOfIso } from "../shared/time";

/** Terra's identity rules: Activity and Sleep by `metadata.summary_id`; Body, Daily, Nutrition by (start, end). */
export function terraRecordId(recordType: string, metadata: { start_time: string; end_time: string; summary_id?: string | null } | undefined): string {
  if (!metadata) return recordType;
  if ((recordType === "activity" || recordType === "sleep") && metadata.summary_id) return metadata.summary_id;
  return `${new Date(metadata.start_time).toISOString()}/${new Date(metadata.end_time).toISOString()}`;
}

/**
 * The record's own UTC offset. With `timestamp_localization` 0 the timestamps are UTC and say
 * nothing about the user's offset (null: the user's zone decides); otherwise the written offset
 * is local, except a bare UTC offset without localization info, which is just as ambiguous.
 */
export function terraOffset(metadata: { end_time: string; timestamp_localization?: number | null }): number | null {
  if (metadata.timestamp_localization === 0) return null;
  // The end decides: a night that crosses an offset change belongs to the day it ends on.
  const offset = offsetOfIso(metadata.end_time);
  if (offset === 0 && metadata.timestamp_localization !== 1) return null;
  return offset;
}
