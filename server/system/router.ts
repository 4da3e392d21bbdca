import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const systemRouter = router({
  ping: publicProcedure.output(z.object({ ok: z.literal(true), at: z.date() })).query(() => ({ ok: true as const, at: new Date() })),
});
