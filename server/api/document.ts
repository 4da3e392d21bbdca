import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { z } from "zod";
import { appRouter } from "../root";
import { restErrorEnvelope } from "./envelope";

/** Where the REST face is mounted; every documented path is relative to it. */
export const REST_BASE_PATH = "/api/v1";
export const REST_API_VERSION = "1.0.0";

const ERROR_SCHEMA_REF = "#/components/schemas/Error";

const ERROR_STATUSES: Record<string, string> = {
  "400": "The input is not valid: `details.fields` names each field.",
  "401": "No token, or one that is unknown, revoked or expired, or its account is disabled.",
  "403": "Not allowed, e.g. a read-only token calling a write (`details.reason` api-token.scope) or a plan without the feature.",
  "404": "Not found (or not yours).",
  "409": "The request conflicts with the current state.",
  "429": "Too many requests: retry after `details.retryAfter` seconds (also the Retry-After header).",
  "500": "Something went wrong on our side.",
};

function envelopeResponses(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [status, { description, content: { "application/json": { schema: { $ref: ERROR_SCHEMA_REF } } } }]),
  );
}

/** The operations of the document: method (lower case) and operation, per path. */
export type RestOperations = Record<string, Record<string, { operationId?: string; deprecated?: boolean; responses?: Record<string, unknown> }>>;

function buildDocument(): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: "BioSync REST API",
    version: REST_API_VERSION,
    openApiVersion: "3.1.0",
    description:
      "Your BioSync data over HTTP. Authenticate with a personal API token (Settings → API): `Authorization: Bearer bsk_…`. " +
      "Read tokens call GET operations; write tokens all of them. v1 stays backward compatible; see the README's REST API section for the deprecation policy.",
    baseUrl: REST_BASE_PATH,
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (bsk_…)." } },
  });
  // trpc-to-openapi describes its own error shape; ours is the envelope, for every status we answer with.
  for (const operations of Object.values(document.paths ?? {}) as RestOperations[string][]) {
    for (const operation of Object.values(operations)) {
      const success = Object.fromEntries(Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith("2")));
      operation.responses = { ...success, ...envelopeResponses() };
    }
  }
  const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")));
  document.components = { ...document.components, schemas: { ...schemas, Error: z.toJSONSchema(restErrorEnvelope, { target: "draft-2020-12", io: "output" }) as never } };
  return document;
}

let cached: OpenAPIObject | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the procedures that carry `meta.openapi` (once per process). */
export function openApiDocument(): OpenAPIObject {
  cached ??= buildDocument();
  return cached;
}
