import NextAuth from "next-auth";
import { buildAuthConfig } from "./config";

/** Auth.js for BioSync: credentials + optional Google, JWT sessions backed by `auth_sessions`. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
