import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Database } from "@/db";
import { installJobBackend } from "./backend";
import { emit } from "./emit";
import { drainJobs } from "./runner";

const unusedDb = {} as Database;

it("refuses to emit or run jobs before a backend is installed, instead of dropping the event", async () => {
  installJobBackend(null);
  await expect(emit(unusedDb, "auth/verification-email.requested", { userId: randomUUID() })).rejects.toThrow(/No job backend is installed/);
  await expect(drainJobs(unusedDb, { timeoutMs: 100 })).rejects.toThrow(/No job backend is installed/);
});
