import { z } from "zod";
import { paginated, paginationInput } from "@/server/pagination";
import { protectedProcedure, router } from "@/server/trpc";
import { listDevices, removeDevice, subscribeDevice } from "./devices";
import { pushDeviceInput, pushDeviceView, pushSubscribeInput, pushTestOutput } from "./schemas";
import { sendTestPush } from "./test-push";
import { vapidDetails } from "./vapid";

/** Web Push devices (mounted as `notifications.push`). */
export const pushRouter = router({
  /** The application server key browsers subscribe with (base64url, RFC 8292). */
  vapidPublicKey: protectedProcedure.output(z.object({ key: z.string() })).query(() => ({ key: vapidDetails().publicKey })),
  subscribe: protectedProcedure
    .input(pushSubscribeInput)
    .output(pushDeviceView)
    .mutation(({ ctx, input }) => subscribeDevice(ctx.db, ctx.user.id, input, ctx.userAgent)),
  list: protectedProcedure
    .input(paginationInput)
    .output(paginated(pushDeviceView))
    .query(({ ctx, input }) => listDevices(ctx.db, ctx.user.id, input)),
  unsubscribe: protectedProcedure
    .input(pushDeviceInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(({ ctx, input }) => removeDevice(ctx.db, ctx.user.id, input.id)),
  /** Sends a test notification to one device now. */
  test: protectedProcedure
    .input(pushDeviceInput)
    .output(pushTestOutput)
    .mutation(({ ctx, input }) => sendTestPush(ctx.db, ctx.user.id, input.id)),
});
