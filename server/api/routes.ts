import { openApiDocument, type RestOperations } from "./document";

export type RouteMatch = { kind: "operation"; operationId: string; deprecated: boolean } | { kind: "wrong-method"; allow: string[] } | { kind: "unknown" };

interface DocumentedPath {
  pattern: RegExp;
  operations: RestOperations[string];
}

let paths: DocumentedPath[] | undefined;

function documentedPaths(): DocumentedPath[] {
  paths ??= Object.entries((openApiDocument().paths ?? {}) as RestOperations).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}/]+\}/g, "[^/]+")}/?$`),
    operations,
  }));
  return paths;
}

/**
 * What the document says about `method` on `path` (relative to /api/v1): the operation, a path that
 * exists under other methods (405), or nothing (404). A literal segment wins over a parameter, as
 * trpc-to-openapi routes it (GET /daily-summaries/latest is not GET /daily-summaries/{x}).
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const verb = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
  const matching = documentedPaths().filter((p) => p.pattern.test(path));
  if (matching.length === 0) return { kind: "unknown" };
  for (const candidate of matching) {
    const operation = candidate.operations[verb];
    if (operation) return { kind: "operation", operationId: operation.operationId ?? "", deprecated: operation.deprecated === true };
  }
  const allow = [...new Set(matching.flatMap((p) => Object.keys(p.operations).map((m) => m.toUpperCase())))].sort();
  return { kind: "wrong-method", allow };
}
