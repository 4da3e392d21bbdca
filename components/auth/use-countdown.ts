"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A seconds countdown for Retry-After: `start(seconds)` from an event handler, `remaining`
 * ticks down to 0 once a second.
 */
export function useCountdown(): { remaining: number; start: (seconds: number) => void } {
  const [clock, setClock] = useState<{ until: number; now: number } | null>(null);
  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setClock({ until: now + seconds * 1000, now });
  }, []);
  const running = clock !== null && clock.until > clock.now;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setClock((c) => (c ? { ...c, now: Date.now() } : c)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const remaining = clock ? Math.max(0, Math.ceil((clock.until - clock.now) / 1000)) : 0;
  return { remaining, start };
}
