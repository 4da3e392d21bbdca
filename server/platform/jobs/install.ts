import { localFunctions } from "@/inngest/index";
import { jobBackend } from "../../env";
import { installJobBackend, type JobBackend } from "./backend";
import { inngestJobBackend, localJobBackend } from "./backends";

/** The backend the environment asks for: Inngest with INNGEST_EVENT_KEY or INNGEST_DEV, else the in-process runner with every function. */
export function jobBackendFromEnv(): JobBackend {
  return jobBackend() === "inngest" ? inngestJobBackend() : localJobBackend(localFunctions());
}

/** Chooses the job backend once and injects it: the first thing a server, a script or the seed does before emitting. */
export function installJobs(): JobBackend {
  const backend = jobBackendFromEnv();
  installJobBackend(backend);
  return backend;
}
