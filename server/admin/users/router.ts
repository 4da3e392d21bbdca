import { z } from "zod";
import { PLAN_IDS, SUBSCRIPTION_SOURCES, SUBSCRIPTION_STATUSES } from "@/db/schema/plans";
import { paginated, paginationInput } from "../../pagination";
import { adminProcedure, router } from "../../trpc";
import { actorOf } from "../admin-audit";
import { disableUser, enableUser, endUserSessions, setUserPlan, setUserRole } from "./actions";
import { openUserDetail } from "./detail";
import { openHealthData } from "./health-data";
import { disableInput, endSessionsInput, healthDataInput, searchInput, setPlanInput, setRoleInput, userId } from "./schemas";
import { searchUsers } from "./search";

const plan = z.enum(PLAN_IDS);
const role = z.enum(["user", "admin"]);

const userRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  status: z.enum(["active", "disabled"]),
  plan,
  lastSeenAt: z.date().nullable(),
  createdAt: z.date(),
});

const userDetail = z.object({
  account: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role,
    emailVerifiedAt: z.date().nullable(),
    disabledAt: z.date().nullable(),
    createdAt: z.date(),
  }),
  plan,
  subscription: z
    .object({
      plan,
      status: z.enum(SUBSCRIPTION_STATUSES),
      source: z.enum(SUBSCRIPTION_SOURCES),
      monthlyAmountCents: z.number().int(),
      currency: z.string(),
      currentPeriodEnd: z.date().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      startedAt: z.date(),
      canceledAt: z.date().nullable(),
    })
    .nullable(),
  connections: z.array(
    z.object({ id: z.string(), provider: z.string(), status: z.string(), lastSyncAt: z.date().nullable(), lastError: z.string().nullable(), connectedAt: z.date() }),
  ),
  sessions: z.array(
    z.object({ id: z.string(), device: z.string(), ip: z.string().nullable(), factor: z.string().nullable(), createdAt: z.date(), lastSeenAt: z.date() }),
  ),
});

const healthData = z.object({
  days: z.number().int(),
  summaries: z.array(z.object({ localDate: z.string(), values: z.record(z.string(), z.number()) })),
  scores: z.array(z.object({ localDate: z.string(), state: z.string(), score: z.number().nullable(), status: z.string().nullable() })),
});

/** Accounts, for admins (mounted as `admin.users`). Every procedure that opens or changes one is audited. */
export const adminUsersRouter = router({
  search: adminProcedure
    .input(paginationInput.extend(searchInput.shape))
    .output(paginated(userRow))
    .query(({ ctx, input }) => searchUsers(ctx.db, input)),
  get: adminProcedure
    .input(z.object({ userId }))
    .output(userDetail)
    .query(({ ctx, input }) => openUserDetail(ctx.db, actorOf(ctx), input.userId)),
  setPlan: adminProcedure
    .input(setPlanInput)
    .output(z.object({ plan, previousPlan: plan }))
    .mutation(({ ctx, input }) => setUserPlan(ctx.db, actorOf(ctx), input)),
  setRole: adminProcedure
    .input(setRoleInput)
    .output(z.object({ role }))
    .mutation(({ ctx, input }) => setUserRole(ctx.db, actorOf(ctx), input)),
  disable: adminProcedure
    .input(disableInput)
    .output(z.object({ disabledAt: z.date(), sessionsEnded: z.number().int() }))
    .mutation(({ ctx, input }) => disableUser(ctx.db, actorOf(ctx), input)),
  enable: adminProcedure
    .input(disableInput)
    .output(z.object({ disabledAt: z.null() }))
    .mutation(({ ctx, input }) => enableUser(ctx.db, actorOf(ctx), input)),
  endSessions: adminProcedure
    .input(endSessionsInput)
    .output(z.object({ sessionsEnded: z.number().int() }))
    .mutation(({ ctx, input }) => endUserSessions(ctx.db, actorOf(ctx), input)),
  healthData: adminProcedure
    .input(healthDataInput)
    .output(healthData)
    .query(({ ctx, input }) => openHealthData(ctx.db, actorOf(ctx), input)),
});
