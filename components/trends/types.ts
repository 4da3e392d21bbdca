import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

/** What the trends procedures answer, as the client receives it. */
type Outputs = inferRouterOutputs<AppRouter>["trends"];
export type SeriesResult = Outputs["series"];
export type BandsResult = Outputs["bands"];
export type LoadResult = Outputs["load"];
export type WeeklyResult = Outputs["weekly"];
export type WorkoutsPage = Outputs["workouts"];
