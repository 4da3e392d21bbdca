import { Inngest } from "inngest";
import { logger } from "@/server/logger";

/**
 * The Inngest client. It reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV and
 * INNGEST_BASE_URL from the environment itself; it is only used when `jobBackend()` is "inngest"
 * (sending) or when Inngest calls `/api/inngest`.
 */
export const inngest = new Inngest({ id: "biosync", logger: logger.child({ component: "inngest" }) });
