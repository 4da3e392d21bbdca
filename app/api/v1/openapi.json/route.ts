import { openApiDocument } from "@/server/api/document";

/** The OpenAPI 3.1 document of /api/v1 (public: it describes the API, not anyone's data). */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
