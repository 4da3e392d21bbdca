import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { jobBackend } from "../../env";
import { AppError } from "../../errors";

/** What the fake Inngest event API received. */
const received: { path: string; body: unknown }[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(body || "null") });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: ["evt_1"], status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  vi.stubEnv("INNGEST_EVENT_KEY", "test-event-key");
  vi.stubEnv("INNGEST_BASE_URL", `http://127.0.0.1:${port}`);
  vi.stubEnv("INNGEST_DEV", "");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

// The database must not be touched in Inngest mode.
const noDatabase = new Proxy({}, { get: () => { throw new Error("database used"); } }) as Database;

it("sends validated events with their idempotency id to Inngest", async () => {
  const { emit } = await import("./emit");
  expect(jobBackend()).toBe("inngest");
  const userId = randomUUID();
  await emit(noDatabase, "auth/password-reset.requested", { userId }, { id: `reset-${userId}` });
  expect(received).toHaveLength(1);
  expect(received[0]?.path).toBe("/e/test-event-key");
  expect(received[0]?.body).toEqual([expect.objectContaining({ name: "auth/password-reset.requested", data: { userId }, id: `reset-${userId}` })]);

  const error = await emit(noDatabase, "auth/password-reset.requested", { userId: "x" }).catch((e: unknown) => e);
  expect((error as AppError).code).toBe("BAD_REQUEST");
  expect(received).toHaveLength(1);
});
