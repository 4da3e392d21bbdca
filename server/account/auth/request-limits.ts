import { env } from "../../env";
import type { RateLimitRule } from "./rate-limit";

/**
 * Limits on the auth requests that send email or create accounts, per window of
 * AUTH_LOGIN_WINDOW_SECONDS (15 minutes by default).
 */
export const requestLimits = {
  register: (ip: string): RateLimitRule[] => [{ key: `register:ip:${ip}`, limit: 10, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS }],
  passwordReset: (ip: string, email: string): RateLimitRule[] => [
    { key: `reset:ip:${ip}`, limit: 20, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS },
    { key: `reset:email:${email}`, limit: 3, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS },
  ],
  verificationEmail: (userId: string): RateLimitRule[] => [{ key: `verify:user:${userId}`, limit: 5, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS }],
  /** Re-entering the current password (change password or email) is a password guess too. */
  passwordConfirm: (userId: string): RateLimitRule[] => [{ key: `confirm-password:user:${userId}`, limit: 10, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS }],
  emailChange: (userId: string): RateLimitRule[] => [{ key: `email-change:user:${userId}`, limit: 5, windowSeconds: env().AUTH_LOGIN_WINDOW_SECONDS }],
};
