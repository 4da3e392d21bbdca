import { handleRestRequest } from "@/server/api/handler";
import { withRequestMetrics } from "@/server/platform/telemetry/http";

/** The public REST API (/api/v1): personal API tokens, the OpenAPI document at /api/v1/openapi.json. */
const handler = withRequestMetrics("/api/v1/[...path]", (req: Request) => handleRestRequest(req));

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
