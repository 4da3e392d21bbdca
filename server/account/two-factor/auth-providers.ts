import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { clientIp } from "../../request";
import { AccountDisabled, SignInThrottled } from "../auth/sign-in-errors";
import { findUserById } from "../auth/users";
import type { SignInFactor } from "./factors";
import { authenticationResponse } from "./schemas";
import { completePasskeySignIn, completeSecondStep, type SecondStepProof } from "./sign-in";
import { InvalidPasskey, InvalidSecondFactor, SecondStepExpired } from "./sign-in-errors";

export const SECOND_FACTOR_PROVIDER = "second-factor";
export const PASSKEY_PROVIDER = "passkey";

/** A passkey response travels through Auth.js as a form field: JSON text, parsed and checked here. */
function parsePasskey(value: unknown) {
  if (typeof value !== "string" || value.length > 64_000) return null;
  try {
    const parsed = authenticationResponse.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function sessionUser(userId: string, factor: SignInFactor) {
  const user = await findUserById(await getDb(), userId);
  if (!user) return null;
  if (user.disabledAt) throw new AccountDisabled();
  return { id: user.id, email: user.email, name: user.name, role: user.role, factor };
}

/** The second step of a two-step sign-in: ticket + app code, recovery code or passkey. */
export function secondFactorProvider() {
  return Credentials({
    id: SECOND_FACTOR_PROVIDER,
    name: "Two-step verification",
    credentials: { ticket: {}, code: {}, passkey: {} },
    async authorize(credentials, request) {
      const passkey = credentials.passkey ? parsePasskey(credentials.passkey) : null;
      const code = typeof credentials.code === "string" ? credentials.code : "";
      let proof: SecondStepProof;
      if (passkey) proof = { passkey };
      else if (code) proof = { code };
      else throw new InvalidSecondFactor();
      const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
      const result = await completeSecondStep(await getDb(), { ticket, proof, ip: clientIp(request.headers) });
      if (result.ok) return sessionUser(result.userId, result.factor);
      if (result.reason === "throttled") throw new SignInThrottled(result.retryAfter);
      if (result.reason === "expired") throw new SecondStepExpired();
      throw new InvalidSecondFactor();
    },
  });
}

/** Password-less sign-in with a discoverable passkey (the passkey verifies the person as well). */
export function passkeyProvider() {
  return Credentials({
    id: PASSKEY_PROVIDER,
    name: "Passkey",
    credentials: { passkey: {} },
    async authorize(credentials) {
      const response = parsePasskey(credentials.passkey);
      const userId = response ? await completePasskeySignIn(await getDb(), response) : null;
      if (!userId) throw new InvalidPasskey();
      return sessionUser(userId, "passkey");
    },
  });
}
