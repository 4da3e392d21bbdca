import { env, type Env } from "../../env";

/** What one counter of a rule is kept per. */
export type LimitScope = "IP" | "user" | "email" | "account" | "account + IP";

export interface LimitRule {
  /** Stable name: the prefix of the rule's counters in the store. */
  name: string;
  scope: LimitScope;
  /** Requests allowed per window; the next one is refused (429 with Retry-After) until the window ends. */
  points: number;
  /** A fixed window, starting at the first counted request. */
  windowSeconds: number;
  /** What it guards and what the user sees when it is reached (the README's limits table). */
  shows: string;
  /** The settings (server/env.ts) that change it, if any. */
  settings?: string[];
}

/** One counter to count a request on: a rule and the key of the caller under its scope. */
export interface RateCheck {
  rule: LimitRule;
  key: string;
}

export type RuleName = keyof ReturnType<typeof limitRules>;

const MINUTE = 60;

/** Sign-in attempts per window (the throttle itself is server/account/auth/login-throttle.ts). */
export const LOGIN_POINTS = { accountIp: 5, account: 10, ip: 50 } as const;
const HOUR = 3600;

/**
 * Every rate limit of BioSync, in one table: the README's limits table is checked against it
 * (limits-table.test.ts). `e` gives the settings some of them read.
 */
export function limitRules(e: Env = env()) {
  const { AUTH_LOGIN_WINDOW_SECONDS: auth, UPLOAD_RATE_LIMIT, UPLOAD_RATE_WINDOW_SECONDS, REST_RATE_LIMIT } = e;
  const AUTH = ["AUTH_LOGIN_WINDOW_SECONDS"];
  const rule = (name: string, scope: LimitScope, points: number, windowSeconds: number, shows: string, settings?: string[]): LimitRule => ({
    name,
    scope,
    points,
    windowSeconds,
    shows,
    ...(settings ? { settings } : {}),
  });
  return {
    loginAccountIp: rule("login-account-ip", "account + IP", LOGIN_POINTS.accountIp, auth, "Sign-in: “Too many sign-in attempts. Try again in N minutes.” From the 3rd failure on, each attempt first waits 250 ms, doubling up to 2 s. A successful sign-in clears it; a password reset clears it for every IP.", AUTH),
    loginAccount: rule("login-account", "account", LOGIN_POINTS.account, Math.min(auth, 5 * MINUTE), "Sign-in, only from IPs that never signed in to the account: the same message, for at most 5 minutes.", AUTH),
    loginIp: rule("login-ip", "IP", LOGIN_POINTS.ip, auth, "Sign-in failures across all accounts (credential stuffing): the same message.", AUTH),
    registerIp: rule("register-ip", "IP", 10, auth, "Registration: “Too many requests. Try again in N minutes.”", AUTH),
    registerEmail: rule("register-email", "email", 3, auth, "Registration of one address (each attempt sends it an email): the same message.", AUTH),
    passwordResetIp: rule("password-reset-ip", "IP", 20, auth, "Forgot password: the same message.", AUTH),
    passwordResetEmail: rule("password-reset-email", "email", 3, auth, "Forgot password for one address: the same message.", AUTH),
    verificationEmail: rule("verification-email", "user", 5, auth, "“Send the link again”: the same message.", AUTH),
    passwordConfirm: rule("password-confirm", "user", 10, auth, "Re-entering the current password (change password or email): the same message.", AUTH),
    emailChangeUser: rule("email-change-user", "user", 5, auth, "Email change: the same message.", AUTH),
    emailChangeIp: rule("email-change-ip", "IP", 20, auth, "Email change: the same message.", AUTH),
    twoFactorSettingsCode: rule("two-factor-settings-code", "user", 10, auth, "Codes entered in the security settings (turn on, new recovery codes, turn off): the same message.", AUTH),
    passkeyOptionsIp: rule("passkey-options-ip", "IP", 60, auth, "Passkey sign-in challenges: the same message.", AUTH),
    uploadUser: rule("upload-user", "user", UPLOAD_RATE_LIMIT, UPLOAD_RATE_WINDOW_SECONDS, "File uploads (`/api/imports`): 429, shown on the upload as “Too many requests. Try again in N minutes.”", ["UPLOAD_RATE_LIMIT", "UPLOAD_RATE_WINDOW_SECONDS"]),
    uploadIp: rule("upload-ip", "IP", 60, HOUR, "File uploads: the same."),
    syncNowUser: rule("sync-now-user", "user", 20, 15 * MINUTE, "“Sync now” (besides one press per provider per 30 s): the message on the provider card."),
    syncNowIp: rule("sync-now-ip", "IP", 60, 15 * MINUTE, "“Sync now”: the same."),
    demoConnectUser: rule("demo-connect-user", "user", 1, 5 * MINUTE, "Connecting the demo wearable again (each connection queues a 30-day backfill; pressing Connect while it is connected changes nothing): the message on its card."),
    demoConnectIp: rule("demo-connect-ip", "IP", 10, HOUR, "Connecting the demo wearable: the same."),
    priorityUser: rule("priority-user", "user", 30, 5 * MINUTE, "Moving a source in the priority list (each move re-computes the daily summaries in the background): “Could not save the order”."),
    priorityIp: rule("priority-ip", "IP", 100, 5 * MINUTE, "Moving a source in the priority list: the same."),
    oauthConnectUser: rule("oauth-connect-user", "user", 10, 10 * MINUTE, "Starting to connect a provider (`/api/devices/<provider>/connect`): 429 with the message."),
    oauthConnectIp: rule("oauth-connect-ip", "IP", 30, 10 * MINUTE, "Starting to connect a provider: the same."),
    exportUser: rule("export-user", "user", 5, HOUR, "Requesting a data export (Settings → Your data): “Too many requests. Try again in N minutes.”"),
    restUser: rule("rest-user", "user", REST_RATE_LIMIT, MINUTE, "The REST API (`/api/v1`, counted for the token's user): 429 in the error envelope with `Retry-After` and `details.retryAfter`.", ["REST_RATE_LIMIT"]),
    restIp: rule("rest-ip", "IP", 2 * REST_RATE_LIMIT, MINUTE, "The REST API: the same.", ["REST_RATE_LIMIT"]),
  } satisfies Record<string, LimitRule>;
}

const check = (name: RuleName, key: string): RateCheck => ({ rule: limitRules()[name], key });

/** The checks of each limited request, for `enforceRateLimits(db, requestLimits.x(...))`. */
export const requestLimits = {
  register: (ip: string, email: string): RateCheck[] => [check("registerIp", ip), check("registerEmail", email)],
  passwordReset: (ip: string, email: string): RateCheck[] => [check("passwordResetIp", ip), check("passwordResetEmail", email)],
  verificationEmail: (userId: string): RateCheck[] => [check("verificationEmail", userId)],
  /** Re-entering the current password (change password or email) is a password guess too. */
  passwordConfirm: (userId: string): RateCheck[] => [check("passwordConfirm", userId)],
  emailChange: (userId: string, ip: string): RateCheck[] => [check("emailChangeUser", userId), check("emailChangeIp", ip)],
  /** `perWindow` replaces the per-user limit (the upload limits a caller passes). */
  upload: (userId: string, ip: string | null | undefined, perWindow?: { points: number; windowSeconds: number }): RateCheck[] => [
    perWindow ? { rule: { ...limitRules().uploadUser, ...perWindow }, key: userId } : check("uploadUser", userId),
    ...(ip ? [check("uploadIp", ip)] : []),
  ],
  twoFactorSettingsCode: (userId: string): RateCheck[] => [check("twoFactorSettingsCode", userId)],
  passkeyOptions: (ip: string): RateCheck[] => [check("passkeyOptionsIp", ip)],
  syncNow: (userId: string, ip: string): RateCheck[] => [check("syncNowUser", userId), check("syncNowIp", ip)],
  demoConnect: (userId: string, ip: string): RateCheck[] => [check("demoConnectUser", userId), check("demoConnectIp", ip)],
  priority: (userId: string, ip: string): RateCheck[] => [check("priorityUser", userId), check("priorityIp", ip)],
  oauthConnect: (userId: string, ip: string): RateCheck[] => [check("oauthConnectUser", userId), check("oauthConnectIp", ip)],
  exportRequest: (userId: string): RateCheck[] => [check("exportUser", userId)],
  rest: (userId: string, ip: string): RateCheck[] => [check("restUser", userId), check("restIp", ip)],
};

/** The sign-in counters of one attempt (see server/account/auth/login-throttle.ts). */
export function loginChecks(email: string, ip: string, windowSeconds?: number) {
  const rules = limitRules();
  const within = (r: LimitRule, max = Infinity): LimitRule => (windowSeconds ? { ...r, windowSeconds: Math.min(windowSeconds, max) } : r);
  return {
    accountIp: { rule: within(rules.loginAccountIp), key: `${email}|${ip}` },
    account: { rule: within(rules.loginAccount, 5 * MINUTE), key: email },
    ip: { rule: within(rules.loginIp), key: ip },
  } satisfies Record<string, RateCheck>;
}
