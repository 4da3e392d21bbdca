"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "./time-format";

/**
 * "5 minutes ago", with the exact time in the user's zone on hover; re-renders every 30 s. The
 * server and the browser may disagree by a minute, so the text is allowed to differ at hydration.
 */
export function RelativeTime({ date, timeZone = "UTC" }: { date: Date; timeZone?: string }) {
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
