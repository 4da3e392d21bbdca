import { describe, expect, it } from "vitest";
import { MAX_POKE_STREAMS_PER_USER, openPokeStreams, pokeStreamResponse } from "./poke-stream";
import type { PokeListener } from "./pokes";

/** A subscribe function whose pokes the test fires by hand. */
function fakeHub() {
  const listeners = new Map<string, Set<PokeListener>>();
  return {
    subscribe(userId: string, listener: PokeListener) {
      const set = listeners.get(userId) ?? new Set();
      listeners.set(userId, set.add(listener));
      return () => void set.delete(listener);
    },
    poke: (userId: string) => listeners.get(userId)?.forEach((l) => l()),
    count: (userId: string) => listeners.get(userId)?.size ?? 0,
  };
}

async function collect(response: Response, ms: number): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const until = Date.now() + ms;
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  reader.releaseLock();
  return text;
}

const pokesIn = (text: string) => text.split("event: poke\n").length - 1;

describe("poke stream", () => {
  it("coalesces a burst into a leading and a trailing event (the last commit is never missed), and sends heartbeats", async () => {
    const hub = fakeHub();
    const abort = new AbortController();
    const response = pokeStreamResponse({ userId: "u1", signal: abort.signal, subscribe: hub.subscribe, coalesceMs: 100, heartbeatMs: 50 });
    const reading = collect(response, 400);
    for (let i = 0; i < 30; i++) hub.poke("u1");
    const text = await reading;
    expect(pokesIn(text)).toBe(2);
    expect(text).toContain(": heartbeat\n\n");

    const later = collect(response, 300);
    hub.poke("u1");
    hub.poke("u1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    hub.poke("u1");
    expect(pokesIn(await later)).toBe(2);
    abort.abort();
    expect(hub.count("u1")).toBe(0);
  });

  it("a burst spread over 250 ms sends at most one event per 100 ms", async () => {
    const hub = fakeHub();
    const abort = new AbortController();
    const response = pokeStreamResponse({ userId: "u2", signal: abort.signal, subscribe: hub.subscribe });
    const reading = collect(response, 500);
    const timer = setInterval(() => hub.poke("u2"), 5);
    await new Promise((resolve) => setTimeout(resolve, 250));
    clearInterval(timer);
    const count = pokesIn(await reading);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(4);
    abort.abort();
  });

  it(`refuses the ${MAX_POKE_STREAMS_PER_USER + 1}th stream of one user with 429, and frees a slot on abort`, async () => {
    const hub = fakeHub();
    const aborts = Array.from({ length: MAX_POKE_STREAMS_PER_USER }, () => new AbortController());
    for (const abort of aborts) expect(pokeStreamResponse({ userId: "u3", signal: abort.signal, subscribe: hub.subscribe }).status).toBe(200);
    const refused = pokeStreamResponse({ userId: "u3", signal: new AbortController().signal, subscribe: hub.subscribe });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(pokeStreamResponse({ userId: "u4", signal: new AbortController().signal, subscribe: hub.subscribe }).status).toBe(200);
    aborts[0]!.abort();
    expect(openPokeStreams("u3")).toBe(MAX_POKE_STREAMS_PER_USER - 1);
    expect(pokeStreamResponse({ userId: "u3", signal: new AbortController().signal, subscribe: hub.subscribe }).status).toBe(200);
    aborts.forEach((abort) => abort.abort());
  });

  it("a reader that cancels releases the subscription", async () => {
    const hub = fakeHub();
    const response = pokeStreamResponse({ userId: "u5", signal: new AbortController().signal, subscribe: hub.subscribe });
    expect(hub.count("u5")).toBe(1);
    await response.body!.cancel();
    expect(hub.count("u5")).toBe(0);
    expect(openPokeStreams("u5")).toBe(0);
  });
});
