import { randomUUID } from "node:crypto";
import type { AnyProcedure } from "@trpc/server";
import { z } from "zod";
import type { ProcedureEntry } from "../attack-surface";
import type { ProcedureMeta } from "../trpc";

/*
 * What the security checks need to know about a procedure beyond attack-surface.ts: the access
 * level its builder tagged it with, and a valid-looking input derived from its zod schema (so a
 * probe can get past validation and change one field at a time). Imported only by tests.
 */

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The access level tagged by the builder the procedure was made from (undefined: made from none). */
export function accessOf(procedure: AnyProcedure): ProcedureMeta["access"] | undefined {
  return (procedure._def.meta as Partial<ProcedureMeta> | undefined)?.access;
}

/** A valid-looking input for the procedure: the sample of its input schema (of their merge, for several `.input()` calls). */
export function sampleInputOf(entry: ProcedureEntry): unknown {
  const samples = (entry.procedure._def.inputs as Schema[]).map((schema) => sampleFor(schema));
  if (samples.length <= 1) return samples[0];
  return Object.assign({}, ...samples);
}

// Refinements cannot be sampled from the schema; these fields need a real value to get past them.
const FIELD_HINTS: Record<string, unknown> = { timeZone: "Europe/Berlin", cursor: undefined };

const STRING_FORMATS: Record<string, () => string> = {
  email: () => `fuzz-${randomUUID().slice(0, 8)}@example.com`,
  uuid: () => randomUUID(),
  guid: () => randomUUID(),
  date: () => "2024-06-01",
  datetime: () => "2024-06-01T12:00:00.000Z",
  url: () => "https://example.com/",
};

function sampleString(schema: Schema): string {
  const s = schema as unknown as { format: string | null; minLength: number | null; maxLength: number | null };
  const format = s.format && STRING_FORMATS[s.format];
  if (format) return format();
  const min = Math.max(s.minLength ?? 0, 1);
  const text = "Sample text 1";
  const value = text.length >= min ? text : text.padEnd(min, "x");
  return s.maxLength !== null && value.length > s.maxLength ? value.slice(0, s.maxLength) : value;
}

function sampleNumber(schema: Schema): number {
  const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = Number.isFinite(n.minValue) ? n.minValue! : 0;
  const max = Number.isFinite(n.maxValue) ? n.maxValue! : min + 100;
  const middle = min + (max - min) / 2;
  return n.isInt ? Math.ceil(middle) : middle;
}

function minItems(def: Def): number {
  const checks = (def.checks ?? []) as { _zod: { def: { check: string; minimum?: number } } }[];
  return Math.max(1, ...checks.map((c) => (c._zod.def.check === "min_length" ? (c._zod.def.minimum ?? 0) : 0)));
}

/** A value that `schema` probably accepts (refinements aside), with every optional field present. */
export function sampleFor(schema: Schema, depth = 0): unknown {
  if (depth > 20) return undefined;
  const def = defOf(schema);
  const inner = (key: string) => sampleFor(def[key] as Schema, depth + 1);
  switch (def.type) {
    case "string":
      return sampleString(schema);
    case "number":
    case "int":
      return sampleNumber(schema);
    case "bigint":
      return 1n;
    case "boolean":
      return true;
    case "date":
      return new Date("2024-06-01T12:00:00Z");
    case "null":
      return null;
    case "undefined":
    case "void":
    case "never":
      return undefined;
    case "any":
    case "unknown":
      return "sample";
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, key in FIELD_HINTS ? FIELD_HINTS[key] : sampleFor(field, depth + 1)]));
    }
    case "array":
      return Array.from({ length: minItems(def) }, () => inner("element"));
    case "tuple":
      return (def.items as Schema[]).map((item) => sampleFor(item, depth + 1));
    case "record":
      return {};
    case "union":
      return sampleFor((def.options as Schema[])[0]!, depth + 1);
    case "intersection":
      return { ...(inner("left") as object), ...(inner("right") as object) };
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return inner("innerType");
    case "pipe": {
      // `text.pipe(z.email())`: the output side says what the value must look like.
      const out = def.out as Schema;
      return defOf(out).type === "transform" ? inner("in") : sampleFor(out, depth + 1);
    }
    case "lazy":
      return sampleFor((def.getter as () => Schema)(), depth + 1);
    default:
      return undefined;
  }
}

/** Every path to a leaf of a sampled value (objects and arrays walked), the root included as []. */
export function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...leafPaths(item, [...prefix, index])));
  else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) paths.push(...leafPaths(item, [...prefix, key]));
  }
  return paths;
}

/** A copy of `value` with the thing at `path` replaced by `replacement` (the root when `path` is empty). */
export function withReplaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withReplaced(copy[head!], rest, replacement);
  return copy;
}

/** Every string schema inside `schema` (through objects, arrays, unions, wrappers and pipes), with its path. */
export function stringSchemasIn(schema: Schema, path = "", seen = new Set<Schema>()): { path: string; schema: Schema }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  if (def.type === "string") return [{ path: path || "(root)", schema }];
  const child = (key: string, suffix = "") => (def[key] ? stringSchemasIn(def[key] as Schema, `${path}${suffix}`, seen) : []);
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, field]) => stringSchemasIn(field, path ? `${path}.${key}` : key, seen));
    case "array":
      return child("element", "[]");
    case "tuple":
      return (def.items as Schema[]).flatMap((item, index) => stringSchemasIn(item, `${path}[${index}]`, seen));
    case "union":
      return (def.options as Schema[]).flatMap((option) => stringSchemasIn(option, path, seen));
    case "record":
      return [...child("keyType", "{key}"), ...child("valueType", "{}")];
    case "intersection":
      return [...child("left"), ...child("right")];
    case "pipe":
      return [...child("in"), ...child("out")];
    case "lazy":
      return stringSchemasIn((def.getter as () => Schema)(), path, seen);
    default:
      return def.innerType ? child("innerType") : [];
  }
}
