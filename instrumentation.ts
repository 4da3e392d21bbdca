/** Next.js start-up hook: runs once per server process before it serves requests. */
export async function register(): Promise<void> {
  // Database drivers and the job runner are Node.js only; the edge runtime gets nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this in several prerender workers: opening the embedded database from
  // each of them at once would corrupt it, and a build has no jobs to run.
  const { isBuildPhase } = await import("./server/env");
  if (isBuildPhase()) return;
  const { bootServer } = await import("./server/boot");
  await bootServer();
}
