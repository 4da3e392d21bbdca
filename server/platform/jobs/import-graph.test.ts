import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The project's own import graph as it exists at run time (type-only imports are erased and
 * dynamic `import()` loads nothing up front), resolved with TypeScript's resolver and tsconfig paths.
 */
const root = process.cwd();
const tsconfig = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions: object };
const { options } = ts.convertCompilerOptionsFromJson(tsconfig.compilerOptions, root);
const edges = new Map<string, string[]>();

function runtimeSpecifiers(source: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly || (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

function importsOf(file: string): string[] {
  let known = edges.get(file);
  if (!known) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    known = runtimeSpecifiers(source)
      .map((specifier) => ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule)
      .filter((m): m is ts.ResolvedModuleFull => Boolean(m && !m.isExternalLibraryImport && !m.resolvedFileName.includes("/node_modules/")))
      .map((m) => path.resolve(m.resolvedFileName));
    edges.set(file, known);
  }
  return known;
}

/** Every project module loaded by importing `from` (itself excluded unless it imports itself back). */
function loadedBy(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...importsOf(from)];
  for (let file = stack.pop(); file; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

/** Import cycles among `files` and what they load, each as the list of modules around it. */
function cyclesFrom(files: readonly string[]): string[][] {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const cycles: string[][] = [];
  const visit = (current: string) => {
    state.set(current, "open");
    trail.push(current);
    for (const next of importsOf(current)) {
      if (state.get(next) === "open") cycles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(current, "done");
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

const file = (relative: string) => path.join(root, relative);
const functionList = file("inngest/index.ts");

describe("import graph", () => {
  it("emitting an event loads no list of job functions", () => {
    const loaded = loadedBy(file("server/platform/jobs/emit.ts"));
    expect(loaded.size).toBeGreaterThan(3);
    expect([...loaded].map((f) => path.relative(root, f))).not.toContain("inngest/index.ts");
  });

  it("has no cycle through the function list: nothing it imports imports it back", () => {
    expect(loadedBy(functionList).size).toBeGreaterThan(20);
    const back = [...loadedBy(functionList)].filter((f) => importsOf(f).includes(functionList)).map((f) => path.relative(root, f));
    expect(back).toEqual([]);
  });

  it("has no import cycle anywhere in the app's own code", () => {
    const sources = ts.sys
      .readDirectory(root, [".ts", ".tsx"], ["node_modules", ".next", ".data"], ["app", "components", "db", "inngest", "server", "proxy.ts", "instrumentation.ts"])
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .map((f) => path.resolve(f));
    expect(sources.length).toBeGreaterThan(100);
    expect(cyclesFrom(sources).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});
