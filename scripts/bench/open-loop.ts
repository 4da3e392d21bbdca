/**
 * An open-loop load generator: requests leave at evenly spaced times (rate per second), whatever
 * the server's answers do, over a keep-alive pool of at most `connections` sockets. Each latency is
 * measured from the moment the request was due, not from when a socket was free, so a server (or a
 * generator) that falls behind shows in the figures instead of slowing the offered load down
 * (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: autocannon resets each connection's quota once a second, so
 * every connection sends its share back to back at the start of the second. At 100 req/s over 32
 * connections that is a burst of 100 requests every second, and the percentiles measure the queue
 * behind the burst rather than the server at 100 req/s.
 */
import { Agent, request } from "node:http";

export interface OpenLoopRun {
  /** Response times of the 2xx answers, in ms from the moment each request was due. */
  latencies: number[];
  failures: number;
  /** Largest delay between when a request was due and when it left (generator lateness), in ms. */
  maxSendDelay: number;
}

export async function openLoopLoad(
  url: string,
  options: { rate: number; seconds: number; connections: number; headers?: Record<string, string> },
): Promise<OpenLoopRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failures = 0;
  let maxSendDelay = 0;
  const pending: Promise<void>[] = [];

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      maxSendDelay = Math.max(maxSendDelay, performance.now() - due);
      const req = request(url, { agent, headers: options.headers }, (res) => {
        res.resume();
        res.on("end", () => {
          const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
          if (ok) latencies.push(performance.now() - due);
          else failures += 1;
          resolve();
        });
      });
      req.on("error", () => {
        failures += 1;
        resolve();
      });
      req.end();
    });

  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(due));
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, failures, maxSendDelay };
}
