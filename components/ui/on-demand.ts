"use client";

import { useCallback, useState, type ComponentType } from "react";

/**
 * Code that the first page load does not need (a menu's or a drawer's primitives): fetched once, when
 * asked for, and shared by every caller. A failed download is forgotten, so asking again retries.
 */
export interface OnDemand<P> {
  load(): Promise<ComponentType<P>>;
}

const everyOnDemand = new Set<OnDemand<never>>();

export function onDemand<P>(importer: () => Promise<ComponentType<P>>): OnDemand<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const source: OnDemand<P> = {
    load() {
      loading ??= importer().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
  };
  everyOnDemand.add(source as OnDemand<never>);
  return source;
}

/**
 * Fetches every on-demand piece now (the service worker keeps what is fetched): offline, a toast or
 * a menu whose code was never downloaded could not open. Resolves when all have loaded or failed.
 */
export async function preloadEveryOnDemand(): Promise<void> {
  await Promise.allSettled([...everyOnDemand].map((source) => source.load()));
}

/** Props for the stand-in trigger of an on-demand popup (a plain button of the same size and name). */
export interface StandInTriggerProps {
  "aria-expanded": false;
  "aria-busy"?: true;
  onPointerEnter(): void;
  onFocus(): void;
  onClick(): void;
  onKeyDown(event: React.KeyboardEvent): void;
}

/**
 * A popup (menu, drawer) whose code loads when the user first reaches for its trigger: pointer over
 * it or focus on it starts the download, a click, Enter, Space or ArrowDown opens it as soon as the
 * code is there. Until then the caller renders a stand-in trigger with `triggerProps`; afterwards
 * `Loaded` is the real component, to be rendered open (focus then moves into it, as with the real
 * trigger, and returns to its trigger on close).
 */
export function useOnDemandPopup<P>(source: OnDemand<P>): { Loaded: ComponentType<P> | null; triggerProps: StandInTriggerProps } {
  const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
  const [pending, setPending] = useState(false);
  const preload = useCallback(() => {
    // Only a head start: a failure shows when the user asks to open.
    source.load().catch(() => undefined);
  }, [source]);
  const open = useCallback(() => {
    setPending(true);
    source.load().then(
      (component) => setLoaded(() => component),
      // Offline or a new deployment: the stand-in stays, and the next click tries again.
      () => setPending(false),
    );
  }, [source]);
  return {
    Loaded,
    triggerProps: {
      "aria-expanded": false,
      ...(pending ? { "aria-busy": true as const } : {}),
      onPointerEnter: preload,
      onFocus: preload,
      onClick: open,
      onKeyDown: (event) => {
        if (event.key !== "ArrowDown") return;
        event.preventDefault();
        open();
      },
    },
  };
}
