import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { getProfile, type ProfileView } from "@/server/account/profile/service";
import type { SessionUser } from "@/server/trpc";

/** The signed-in user, looked up once per request however many layouts and pages ask. */
export const currentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await getDb()));

/** Where to send a signed-out visitor so that signing in brings them back to `path`. */
export function signInUrl(path: string | null | undefined): string {
  if (!path || !path.startsWith("/") || path.startsWith("//")) return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}

/** The request's path when the proxy passed it along (`x-pathname`); layouts cannot see it otherwise. */
export async function requestPath(): Promise<string | null> {
  return (await headers()).get("x-pathname");
}

/** The signed-in user, or a redirect to sign-in that comes back to `path`. */
export async function requireUser(path?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  redirect(signInUrl(path ?? (await requestPath())));
}

/** The signed-in admin; signed-out visitors go to sign-in, everyone else gets the 404 page. */
export async function requireAdmin(path?: string): Promise<SessionUser> {
  const user = await requireUser(path);
  if (user.role !== "admin") notFound();
  return user;
}

/** The signed-in user's profile (with fresh name, email and verification), once per request. */
export const currentProfile = cache(async (userId: string): Promise<ProfileView> => getProfile(await getDb(), userId));
