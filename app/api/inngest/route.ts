import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/index";
import { errorResponse, AppError } from "@/server/errors";
import { jobBackend } from "@/server/env";

export const dynamic = "force-dynamic";

const inngestHandler = serve({ client: inngest, functions: inngestFunctions() });

type Method = "GET" | "POST" | "PUT";

/** Inngest (cloud or dev server) syncs and invokes BioSync's functions here; without it, there is nothing to serve. */
function handle(method: Method) {
  return (request: NextRequest, context: unknown) => {
    if (jobBackend() !== "inngest") {
      return errorResponse(new AppError("NOT_FOUND", "Jobs run in-process. Set INNGEST_EVENT_KEY or INNGEST_DEV to use Inngest."));
    }
    return inngestHandler[method](request, context);
  };
}

export const GET = handle("GET");
export const POST = handle("POST");
export const PUT = handle("PUT");
