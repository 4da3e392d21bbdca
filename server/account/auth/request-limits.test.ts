import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { limitRules } from "../../platform/rate-limits/rules";
import { callerFor, rejectionOf, sessionFor } from "../../testing";
import { createUser } from "./users";

const handle = withTestDb();

/** The tRPC code a call ends with ("OK" when it succeeds). */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : "THREW"),
  );

describe("auth request limits per IP and per user", () => {
  it("limits registrations of one address, whatever IP they come from (each one emails it)", async () => {
    const perEmail = limitRules().registerEmail.points;
    const register = (i: number) =>
      callerFor(handle.db, null, { ip: `198.19.1.${i}` }).auth.register({ email: "Target@Example.com", password: "a long enough passphrase" });
    for (let i = 0; i < perEmail; i++) expect(await outcome(register(i))).not.toBe("TOO_MANY_REQUESTS");
    expect(await outcome(register(perEmail))).toBe("TOO_MANY_REQUESTS");
  });

  it("limits email changes per IP across accounts", async () => {
    const perIp = limitRules().emailChangeIp.points;
    const change = async (i: number) => {
      const user = await createUser(handle.db, { email: `mover-${i}@example.com`, password: "old horse battery" });
      const caller = callerFor(handle.db, sessionFor(user), { ip: "198.19.2.1" });
      return outcome(caller.auth.requestEmailChange({ newEmail: `moved-${i}@example.com`, currentPassword: "old horse battery" }));
    };
    for (let i = 0; i < perIp; i++) expect(await change(i)).toBe("OK");
    const refused = await change(perIp);
    expect(refused).toBe("TOO_MANY_REQUESTS");
  });

  it("answers TOO_MANY_REQUESTS with the wait in seconds on the error", async () => {
    const perEmail = limitRules().passwordResetEmail;
    const caller = callerFor(handle.db, null, { ip: "198.19.3.1" });
    for (let i = 0; i < perEmail.points; i++) await caller.auth.requestPasswordReset({ email: "reset@example.com" });
    const refused = await rejectionOf(caller.auth.requestPasswordReset({ email: "reset@example.com" }), TRPCError);
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect((refused.cause as { retryAfter?: number }).retryAfter).toBeGreaterThan(perEmail.windowSeconds - 10);
  });
});
