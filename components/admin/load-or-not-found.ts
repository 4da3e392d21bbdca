import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Runs a server-side query for a detail page; a missing record or a malformed id is a 404. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
