import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { decryptPushBody, newBrowserKeys, type BrowserKeys } from "./browser-keys";
import { checkVapidHeader, type VapidClaims } from "./vapid-check";

/*
 * A local push service (RFC 8030) for tests: it hands out browser-like subscriptions, and for each
 * push checks the VAPID header (RFC 8292) and decrypts the aes128gcm body (RFC 8291) with the
 * subscription's private key, as the browser would, then records the message. A subscription can be
 * made gone (410) or failing (any status). No imports but node's, so the Playwright spec can use it.
 */

export interface FakeSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** Its private side (what the browser keeps). */
  browser: BrowserKeys;
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted body, parsed as JSON. */
  payload: Record<string, unknown>;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  vapid: VapidClaims;
}

export interface RefusedPush {
  subscriptionId: string;
  status: number;
  problem: string;
}

export interface FakePushService {
  origin: string;
  /** A new subscription, as `pushManager.subscribe()` would make. */
  subscribe(): FakeSubscription;
  /** The subscription's endpoint answers 410 Gone from now on. */
  gone(id: string): void;
  /** The subscription's endpoint answers `status` from now on (null: accepts again). */
  failWith(id: string, status: number | null): void;
  received: ReceivedPush[];
  refused: RefusedPush[];
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakePushService(): Promise<FakePushService> {
  const subscriptions = new Map<string, FakeSubscription>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const refused: RefusedPush[] = [];
  let origin = "";

  const server = createServer(async (request, response) => {
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? "")?.[1] ?? "";
    const body = await bodyOf(request);
    const refuse = (status: number, problem: string) => {
      refused.push({ subscriptionId: id, status, problem });
      response.writeHead(status, { "content-type": "text/plain" }).end(problem);
    };
    const subscription = subscriptions.get(id);
    if (request.method !== "POST" || !subscription) return refuse(404, "no such subscription");
    const answer = answers.get(id);
    if (answer) return refuse(answer, `answering ${answer}`);
    const vapid = checkVapidHeader(request.headers.authorization, origin);
    if (!vapid.ok) return refuse(403, vapid.problem);
    const ttl = Number(request.headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) return refuse(400, "TTL header missing");
    if (request.headers["content-encoding"] !== "aes128gcm") return refuse(415, "Content-Encoding is not aes128gcm");
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(decryptPushBody(body, subscription.browser)) as Record<string, unknown>;
    } catch (error) {
      return refuse(400, `cannot decrypt: ${(error as Error).message}`);
    }
    received.push({ subscriptionId: id, payload, ttl, urgency: request.headers.urgency?.toString() ?? null, topic: request.headers.topic?.toString() ?? null, vapid: vapid.claims });
    response.writeHead(201, { location: `${origin}/message/${randomUUID()}` }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    subscribe() {
      const id = randomUUID();
      const browser = newBrowserKeys();
      const subscription = { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: browser.p256dh, auth: browser.auth }, browser };
      subscriptions.set(id, subscription);
      return subscription;
    },
    gone: (id) => void answers.set(id, 410),
    failWith: (id, status) => void (status === null ? answers.delete(id) : answers.set(id, status)),
    received,
    refused,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
