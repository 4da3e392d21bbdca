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

/* Input shapes: what a procedure's zod input accepts, so a check can fill every field it has. */

type ZodLike = { _zod: { def: Record<string, unknown> & { type: string } }; safeParse(value: unknown): { success: boolean } };
/** A field inside an input: object keys and array indexes from the root (empty for a bare string input). */
export type FieldPath = (string | number)[];

/** The procedure's input schema (several `.input()` calls are merged objects), or null when it takes none. */
export function inputSchemaOf(entry: ProcedureEntry): ZodLike | null {
  const inputs = entry.procedure._def.inputs as unknown as ZodLike[];
  if (inputs.length === 0) return null;
  if (inputs.length === 1) return inputs[0]!;
  return { _zod: { def: { type: "object", shape: Object.assign({}, ...inputs.map((i) => (unwrap(i)._zod.def.shape as object) ?? {})) } }, safeParse: () => ({ success: true }) };
}

/** Through optional, nullable, default, readonly, catch, and the input side of a pipe. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) current = def.innerType as ZodLike;
    else if (def.type === "pipe") current = def.in as ZodLike;
    else return current;
  }
}

const STRING_CANDIDATES = ["matrix-sample-value", "matrix@example.com", "00000000-0000-4000-8000-000000000000", "2026-03-08", "UTC", "x"];

/** A small valid value for `schema` (an absent optional field stays absent), or undefined when none was found. */
export function sampleInput(schema: ZodLike): unknown {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  const first = (candidates: unknown[]) => candidates.find((c) => schema.safeParse(c).success);
  switch (def.type) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, ZodLike>)) {
        if (field.safeParse(undefined).success) continue;
        value[key] = sampleInput(field);
      }
      return value;
    }
    case "string":
      return first(STRING_CANDIDATES) ?? "matrix-sample-value";
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "boolean":
      return false;
    case "number":
      return first([1, 0, 20, 100]);
    case "array":
      return first([[], [sampleInput(def.element as ZodLike)]]);
    case "union":
      for (const option of def.options as ZodLike[]) {
        const value = sampleInput(option);
        if (option.safeParse(value).success) return value;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Every string field an input can carry (an optional one too), walking objects, arrays (their first
 * element), unions (each option's fields, tagged with the option's sample so the rest stays valid).
 */
export function stringFields(schema: ZodLike): { path: FieldPath; base: unknown }[] {
  const out: { path: FieldPath; base: unknown }[] = [];
  const walk = (node: ZodLike, path: FieldPath, base: unknown) => {
    const def = unwrap(node)._zod.def;
    if (def.type === "string") out.push({ path, base });
    else if (def.type === "object") for (const [key, field] of Object.entries(def.shape as Record<string, ZodLike>)) walk(field, [...path, key], base);
    else if (def.type === "array") walk(def.element as ZodLike, [...path, 0], base);
    else if (def.type === "union") for (const option of def.options as ZodLike[]) walk(option, path, path.length === 0 ? sampleInput(option) : base);
  };
  walk(schema, [], sampleInput(schema));
  return out;
}

/** `base` with `value` placed at `path` (objects and arrays created on the way). */
export function withField(base: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number" || Array.isArray(base)) {
    const list: unknown[] = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[Number(head)] = withField(list[Number(head)], rest, value);
    return list;
  }
  const record: Record<string, unknown> = { ...(base as object) };
  record[head!] = withField(record[head!], rest, value);
  return record;
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
