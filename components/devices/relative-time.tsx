"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "./format";

/** "5 minutes ago", with the exact time in the user's zone on hover; re-renders each minute. */
export function RelativeTime({ date, timeZone }: { date: Date; timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const exact = formatDateTime(date, timeZone);
  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {formatRelative(date, now)}
    </time>
  );
}
