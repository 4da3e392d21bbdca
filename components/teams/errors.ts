/** The shape of a tRPC error on the client, as the server's error formatter fills its data. */
interface ClientError {
  message: string;
  data?: { reason?: string | null; fields?: { path: string; message: string }[] | null } | null;
}

/** The stable reason of a refused call ("plan.upgrade-required", "teams.invite-used"…), if any. */
export function errorReason(error: ClientError | null | undefined): string | null {
  return error?.data?.reason ?? null;
}

/** The message about one input field, if the error names it. */
export function fieldError(error: ClientError | null | undefined, path: string): string | null {
  return error?.data?.fields?.find((field) => field.path === path)?.message ?? null;
}
