/**
 * When deprecated operations of /api/v1 go away, by operationId (an HTTP date, RFC 9110). The
 * policy (README, "REST API"): an operation is marked `deprecated: true` in its meta.openapi and
 * listed here at least 6 months before removal; removal happens only in a new version (/api/v2).
 */
export const SUNSET_DATES: Readonly<Record<string, string>> = {};

/** The Deprecation and Sunset headers (RFC 9745, RFC 8594) of a call to `route`. */
export function deprecationHeaders(route: { operationId: string; deprecated: boolean }, sunsets: Readonly<Record<string, string>> = SUNSET_DATES): Record<string, string> {
  if (!route.deprecated) return {};
  const sunset = sunsets[route.operationId];
  return { deprecation: "true", ...(sunset ? { sunset } : {}) };
}
