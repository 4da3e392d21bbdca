import "next-auth";

declare module "next-auth" {
  interface Session {
    /** The `auth_sessions` row of this sign-in. */
    sessionId?: string;
  }
  interface User {
    role?: "user" | "admin";
  }
}
