import type { AnyProcedure } from "@trpc/server";
import { z } from "zod";
import type { ProcedureEntry } from "../attack-surface";
import type { ProcedureMeta } from "../trpc";

/*
 * What the security checks need to know about a procedure beyond attack-surface.ts: the access
 * level its builder tagged it with, valid inputs derived from its zod schema, and the fields of
 * those inputs (so a probe can get past validation and change one field at a time). Imported only
 * by tests.
 */

export type Schema = z.core.$ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
export const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (schema: Schema, value: unknown) => z.safeParse(schema, value).success;

/** A field inside an input: object keys and array indexes from the root (empty for a bare input). */
export type FieldPath = (string | number)[];

/** The access level tagged by the builder the procedure was made from (undefined: made from none). */
export function accessOf(procedure: AnyProcedure): ProcedureMeta["access"] | undefined {
  return (procedure._def.meta as Partial<ProcedureMeta> | undefined)?.access;
}

/** The procedure's input schema (several `.input()` calls are one object of all their fields), or null when it takes none. */
export function inputSchemaOf(entry: ProcedureEntry): Schema | null {
  const inputs = entry.procedure._def.inputs as Schema[];
  if (inputs.length <= 1) return inputs[0] ?? null;
  return z.object(Object.assign({}, ...inputs.map((input) => defOf(input).shape ?? {})));
}

/**
 * Which fields a sample fills. `required`: only what the schema requires, the smallest value it
 * accepts (flags off, lists as short as allowed). `all`: every optional field too (one the sampler
 * cannot satisfy, such as an opaque cursor, stays as a key holding undefined), flags on, lists with
 * an item, so a probe starting from it reaches the most code.
 */
export interface SampleOptions {
  fields: "required" | "all";
}

/** A sample of the procedure's input (undefined when it takes none). */
export function sampleInputOf(entry: ProcedureEntry, options: SampleOptions): unknown {
  const schema = inputSchemaOf(entry);
  return schema ? sampleFor(schema, options) : undefined;
}

const TEXT = "matrix-sample-value";
const DAY = "2026-03-08";
// Tried in turn until the field (its refinements included) accepts one: the formats and refined fields inputs use.
const STRING_CANDIDATES = ["matrix@example.com", "00000000-0000-4000-8000-000000000000", DAY, `${DAY}T12:00:00.000Z`, "https://example.com/", "UTC", "2026-W10", "x"];

/** TEXT padded or cut to the string's length bounds. */
function fittedText(schema: Schema): string {
  const { minLength, maxLength } = schema as unknown as { minLength: number | null; maxLength: number | null };
  const padded = TEXT.padEnd(minLength ?? 0, "x");
  return maxLength === null ? padded : padded.slice(0, maxLength);
}

/** The middle of the number's bounds (0 to 100 when it has none). */
function middleOf(schema: Schema): number {
  const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  const min = Number.isFinite(n.minValue) ? n.minValue! : 0;
  const max = Number.isFinite(n.maxValue) ? n.maxValue! : min + 100;
  const middle = min + (max - min) / 2;
  return n.isInt ? Math.ceil(middle) : middle;
}

function minItems(def: Def): number {
  const checks = (def.checks ?? []) as { _zod: { def: { check: string; minimum?: number } } }[];
  return Math.max(0, ...checks.map((c) => (c._zod.def.check === "min_length" ? (c._zod.def.minimum ?? 0) : 0)));
}

/** A value `schema` accepts (checked with the schema where candidates are tried; refinements it cannot meet aside). */
export function sampleFor(schema: Schema, options: SampleOptions): unknown {
  return sampleField(schema, schema, options, 0);
}

/** `node` is `field` or a schema it wraps; candidates must pass the whole `field` (an email is a text piped into `z.email()`). */
function sampleField(node: Schema, field: Schema, options: SampleOptions, depth: number): unknown {
  if (depth > 20) return undefined;
  const def = defOf(node);
  const all = options.fields === "all";
  const first = (candidates: unknown[]) => candidates.find((candidate) => accepts(field, candidate)) ?? candidates[0];
  const same = (inner: unknown) => sampleField(inner as Schema, field, options, depth + 1);
  const own = (inner: unknown) => sampleField(inner as Schema, inner as Schema, options, depth + 1);
  switch (def.type) {
    case "string":
      return first([fittedText(node), ...STRING_CANDIDATES]);
    case "number":
    case "int":
      return first([1, 0, 20, 100, middleOf(node)]);
    case "bigint":
      return 1n;
    case "boolean":
      return all;
    case "date":
      return new Date(`${DAY}T12:00:00Z`);
    case "null":
      return null;
    case "any":
    case "unknown":
      return TEXT;
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(def.shape as Record<string, Schema>)) {
        const optional = accepts(inner, undefined);
        if (optional && !all) continue;
        const sample = own(inner);
        value[key] = optional && !accepts(inner, sample) ? undefined : sample;
      }
      return value;
    }
    case "array": {
      const least = minItems(def);
      const lengths = all ? [Math.max(least, 1)] : [least, least + 1];
      return first(lengths.map((length) => Array.from({ length }, () => own(def.element))));
    }
    case "tuple":
      return (def.items as Schema[]).map(own);
    case "record":
      return {};
    case "union": {
      const samples = (def.options as Schema[]).map((option) => [option, own(option)] as const);
      return (samples.find(([option, sample]) => accepts(option, sample)) ?? samples[0])?.[1];
    }
    case "intersection":
      return { ...(own(def.left) as object), ...(own(def.right) as object) };
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return same(def.innerType);
    case "pipe":
      // A preprocess is a transform piped into the schema that says what the value must look like.
      return defOf(def.in as Schema).type === "transform" ? same(def.out) : same(def.in);
    case "lazy":
      return same((def.getter as () => Schema)());
    default:
      return undefined;
  }
}

/** Every path to a leaf of a sampled value (objects and arrays walked), the root included as []. */
export function leafPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  const paths: FieldPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...leafPaths(item, [...prefix, index])));
  else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) paths.push(...leafPaths(item, [...prefix, key]));
  }
  return paths;
}

/** What `value` holds at `path` (undefined where the path leaves it). */
export const valueAt = (value: unknown, path: FieldPath) => path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)?.[key], value);

/** A copy of `value` with `replacement` at `path` (the root when empty; objects and arrays created on the way). */
export function withValueAt(value: unknown, path: FieldPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === "number" || Array.isArray(value)) {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[Number(head)] = withValueAt(list[Number(head)], rest, replacement);
    return list;
  }
  const record: Record<string, unknown> = { ...(value as object) };
  record[head!] = withValueAt(record[head!], rest, replacement);
  return record;
}

/** A path as people write it: `data.timeZone`, `order[0]`, `(root)`. */
export function formatPath(path: FieldPath): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key), "") || "(root)";
}

export interface StringSchemaAt {
  /** The field it checks (an array's first item; a record's sample key, for its key and its value). */
  path: FieldPath;
  schema: Schema;
  /** An input the whole schema accepts, of the union option this string is in: set `path` in it to probe the field. */
  base: unknown;
}

const REQUIRED: SampleOptions = { fields: "required" };

/** Every string schema inside `schema` (an optional one too), through objects, arrays, tuples, records, unions, intersections, wrappers, both sides of pipes, and lazies. */
export function stringSchemasIn(schema: Schema): StringSchemaAt[] {
  const out: StringSchemaAt[] = [];
  const within = new Set<Schema>();
  const walk = (node: Schema, path: FieldPath, base: unknown) => {
    if (within.has(node)) return; // a lazy schema inside itself
    within.add(node);
    const def = defOf(node);
    const child = (inner: unknown, at = path) => walk(inner as Schema, at, base);
    if (def.type === "string") out.push({ path, schema: node, base });
    else if (def.type === "object") for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) child(field, [...path, key]);
    else if (def.type === "array") child(def.element, [...path, 0]);
    else if (def.type === "tuple") (def.items as Schema[]).forEach((item, index) => child(item, [...path, index]));
    else if (def.type === "record") {
      const key = String(sampleFor(def.keyType as Schema, REQUIRED));
      child(def.keyType, [...path, key]);
      child(def.valueType, [...path, key]);
    } else if (def.type === "union") for (const option of def.options as Schema[]) walk(option, path, withValueAt(base, path, sampleFor(option, REQUIRED)));
    else if (def.type === "intersection") [def.left, def.right].forEach((side) => child(side));
    else if (def.type === "pipe") [def.in, def.out].forEach((side) => child(side));
    else if (def.type === "lazy") child((def.getter as () => Schema)());
    else if (def.innerType) child(def.innerType);
    within.delete(node);
  };
  walk(schema, [], sampleFor(schema, REQUIRED));
  return out;
}

/** The string fields of `schema`: one entry a field and union option (the two sides of a pipe check one field). */
export function stringFieldsIn(schema: Schema): StringSchemaAt[] {
  const seen = new Set<string>();
  const bases: unknown[] = [];
  return stringSchemasIn(schema).filter(({ path, base }) => {
    if (!bases.includes(base)) bases.push(base);
    const key = `${bases.indexOf(base)} ${JSON.stringify(path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
