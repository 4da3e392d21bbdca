import { z } from "zod";
import { paginated, paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { NOTIFICATION_EMAIL_STATES } from "@/db/schema/notifications";
import { listNotifications, markAllRead, markRead, unreadCount } from "./inbox";
import { previewDailySummary } from "./preview";
import { pushRouter } from "./push/router";
import { NOTIFICATION_KINDS } from "./sources";

const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  href: z.string(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

/** The in-app notification list (mounted as `notifications`). */
export const notificationsRouter = router({
  push: pushRouter,
  list: protectedProcedure
    .input(paginationInput)
    .output(paginated(notificationView))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),
  unreadCount: protectedProcedure.output(z.object({ count: z.number().int() })).query(async ({ ctx }) => ({ count: await unreadCount(ctx.db, ctx.user.id) })),
  markRead: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(notificationView)
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input.id)),
  markAllRead: protectedProcedure.output(z.object({ marked: z.number().int() })).mutation(({ ctx }) => markAllRead(ctx.db, ctx.user.id)),
  /** Today's daily summary now, as a preview (in the list, and by email when that is on). */
  previewDailySummary: protectedProcedure
    .output(z.object({ notificationId: z.string(), email: z.enum(NOTIFICATION_EMAIL_STATES) }))
    .mutation(async ({ ctx }) => {
      const { notificationId, email } = await previewDailySummary(ctx.db, ctx.user.id);
      return { notificationId, email };
    }),
});
