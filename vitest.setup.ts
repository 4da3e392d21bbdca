// "server-only" throws outside React Server Components; tests import server modules directly.
import { AsyncLocalStorage } from "node:async_hooks";
import { vi } from "vitest";
import { installJobBackend, type JobBackend } from "@/server/platform/jobs/backend";

vi.mock("server-only", () => ({}));

// Next's server runtime puts AsyncLocalStorage on globalThis before any of its modules load; without
// it Next's request stores are stand-ins that throw when used, and a route handler called directly
// in a test (the security matrices call them all) can end a run with an "Invariant" uncaught error.
(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;

// The boot of a test file (each runs in a process of its own): its job backend is chosen from the
// environment at first use, after the file's env stubs (`withTestDb({ inProcessJobs })`), and only
// then loads the function list. A file that installs its own backend replaces this one.
let chosen: Promise<JobBackend> | undefined;
const chosenBackend = () => (chosen ??= import("@/server/platform/jobs/install").then((m) => m.jobBackendFromEnv()));
installJobBackend({
  send: async (db, event) => (await chosenBackend()).send(db, event),
  localFunctions: async () => (await chosenBackend()).localFunctions(),
});
