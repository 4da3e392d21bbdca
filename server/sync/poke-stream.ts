import { AppError, errorResponse } from "@/server/errors";
import type { PokeListener } from "./pokes";

/** Open poke streams one user may hold in one process (a tab each; more is a runaway client). */
export const MAX_POKE_STREAMS_PER_USER = 20;
/** At most one poke event per this many ms: a burst of commits becomes one pull. */
export const POKE_COALESCE_MS = 100;
/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const POKE_HEARTBEAT_MS = 20_000;
/** How long the browser's EventSource waits before reconnecting. */
export const POKE_RETRY_MS = 2_000;

export interface PokeStreamOptions {
  userId: string;
  /** Aborts when the browser goes away (the request's signal). */
  signal: AbortSignal;
  subscribe: (userId: string, listener: PokeListener) => () => void;
  coalesceMs?: number;
  heartbeatMs?: number;
}

// Per process and on globalThis (Next may load this module twice): open streams per user.
const openKey = Symbol.for("biosync.sync.poke-streams");
type GlobalWithStreams = typeof globalThis & { [openKey]?: Map<string, number> };
const openStreams = () => ((globalThis as GlobalWithStreams)[openKey] ??= new Map());

/** Open poke streams of `userId` in this process. */
export function openPokeStreams(userId: string): number {
  return openStreams().get(userId) ?? 0;
}

const encoder = new TextEncoder();

/**
 * The Server-Sent Events answer for one signed-in user: `retry`, then `event: poke` (data `{}`) per
 * poke, coalesced, and a comment heartbeat; everything is released when the request aborts or the
 * reader cancels. 429 once the user already holds MAX_POKE_STREAMS_PER_USER streams here.
 */
export function pokeStreamResponse(options: PokeStreamOptions): Response {
  const { userId, signal, subscribe, coalesceMs = POKE_COALESCE_MS, heartbeatMs = POKE_HEARTBEAT_MS } = options;
  const open = openStreams();
  if (openPokeStreams(userId) >= MAX_POKE_STREAMS_PER_USER) {
    return errorResponse(AppError.tooManyRequests(POKE_RETRY_MS / 1000, "Too many open sync streams for this account."));
  }
  open.set(userId, openPokeStreams(userId) + 1);

  let release = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastSent = 0;
      let pending: ReturnType<typeof setTimeout> | undefined;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const sendPoke = () => {
        pending = undefined;
        lastSent = Date.now();
        send("event: poke\ndata: {}\n\n");
      };
      const onPoke = () => {
        if (closed || pending) return;
        const wait = lastSent + coalesceMs - Date.now();
        if (wait <= 0) sendPoke();
        else pending = setTimeout(sendPoke, wait);
      };
      const unsubscribe = subscribe(userId, onPoke);
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      release = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(pending);
        unsubscribe();
        const left = openPokeStreams(userId) - 1;
        if (left > 0) open.set(userId, left);
        else open.delete(userId);
        signal.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        release();
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      signal.addEventListener("abort", onAbort);
      send(`retry: ${POKE_RETRY_MS}\n: connected\n\n`);
      if (signal.aborted) onAbort();
    },
    cancel() {
      release();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy (or Next's own gzip) must not hold events back.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
