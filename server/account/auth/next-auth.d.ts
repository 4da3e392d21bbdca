import "next-auth";
import type { SignInFactor } from "../two-factor/factors";

declare module "next-auth" {
  interface Session {
    /** The `auth_sessions` row of this sign-in. */
    sessionId?: string;
  }
  interface User {
    role?: "user" | "admin";
    /** How this sign-in was proved (recorded on its `auth_sessions` row). */
    factor?: SignInFactor;
  }
}
