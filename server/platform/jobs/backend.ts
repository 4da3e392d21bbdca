import type { Database } from "@/db";
import type { AnyLocalFunction } from "@/inngest/define";
import type { NewEvent } from "./store";

/**
 * Where emitted events go: Inngest, or the in-process runner with its list of functions. Chosen
 * once per process at boot (`installJobs()` in ./install.ts) and injected here, so code that emits
 * an event never imports the list of job functions (which imports that very code).
 */
export interface JobBackend {
  /** Accepts one validated event: committed with its runs (in-process) or accepted by Inngest before it resolves. */
  send(db: Database, event: NewEvent): Promise<void>;
  /** The functions this process's runner executes; none on Inngest, which runs them itself. */
  localFunctions(): Promise<readonly AnyLocalFunction[]>;
}

// Kept on globalThis because Next.js may load this module twice in one process (see STACK-NOTES).
const globalKey = Symbol.for("biosync.jobBackend");
type GlobalWithBackend = typeof globalThis & { [globalKey]?: JobBackend };

/** Injects the process's job backend; `null` removes it (tests). */
export function installJobBackend(backend: JobBackend | null): void {
  const g = globalThis as GlobalWithBackend;
  if (backend) g[globalKey] = backend;
  else delete g[globalKey];
}

/** The injected backend. Without one, an event would be lost, so this throws instead. */
export function installedJobBackend(): JobBackend {
  const backend = (globalThis as GlobalWithBackend)[globalKey];
  if (!backend) {
    throw new Error("No job backend is installed: call installJobs() (server/platform/jobs/install.ts) at start-up, before any event is emitted.");
  }
  return backend;
}
