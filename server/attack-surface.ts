import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AnyProcedure } from "@trpc/server";
import { appRouter } from "./root";

/*
 * What the app exposes, walked at test time so the permanent security checks (isolation, roles,
 * fuzz, origins, redirects) cover every procedure and route added later without anyone listing it.
 * Imported only by tests.
 */

export interface ProcedureEntry {
  /** Dotted path, e.g. `devices.priority.set`. */
  path: string;
  type: "query" | "mutation" | "subscription";
  /** Whether the procedure declares an input parser at all. */
  takesInput: boolean;
  procedure: AnyProcedure;
}

/** Every procedure of `appRouter`, sorted by path. */
export function listProcedures(): ProcedureEntry[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .map(([procedurePath, procedure]) => ({
      path: procedurePath,
      type: procedure._def.type,
      takesInput: procedure._def.inputs.length > 0,
      procedure,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls the procedure at dotted `procedurePath` on a caller from `callerFor()`. */
export function callProcedure(caller: unknown, procedurePath: string, input?: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of procedurePath.split(".")) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`no procedure at ${procedurePath}`);
  return (target as (input?: unknown) => Promise<unknown>)(input);
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const STATE_CHANGING_METHODS: readonly HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"];

export interface RouteEntry {
  /** URL pattern as Next.js serves it, e.g. `/api/webhooks/[provider]`. */
  pattern: string;
  /** The route module's file, relative to the project root. */
  file: string;
  methods: HttpMethod[];
  /** The route module itself (its exported handlers). */
  load: () => Promise<Partial<Record<HttpMethod, (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response>>>;
}

const APP_DIR = path.join(process.cwd(), "app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** Every route handler under `app/`, with the HTTP methods it exports, sorted by pattern. */
export async function listRouteHandlers(): Promise<RouteEntry[]> {
  const entries = await Promise.all(
    routeFiles(APP_DIR).map(async (full) => {
      const relative = path.relative(process.cwd(), full);
      const pattern = `/${path.relative(APP_DIR, path.dirname(full)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
      const load = () => import(/* @vite-ignore */ full);
      const mod = (await load()) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((method) => typeof mod[method] === "function");
      return { pattern, file: relative, methods, load } as RouteEntry;
    }),
  );
  return entries.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The query parameters a route handler reads: every literal inside a `searchParams.get(…)` of its file. */
export function routeQueryKeys(route: RouteEntry): string[] {
  const source = readFileSync(path.join(process.cwd(), route.file), "utf8");
  const keys = [...source.matchAll(/searchParams\.get\(([^)]*)\)/g)].flatMap((call) => [...call[1]!.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!));
  return [...new Set(keys)].sort();
}

/** The dynamic segments of a route pattern: `[provider]` → provider, `[...nextauth]` → nextauth (catch-all). */
export function routeParams(route: RouteEntry): { name: string; catchAll: boolean }[] {
  return [...route.pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2]!, catchAll: Boolean(m[1]) }));
}
