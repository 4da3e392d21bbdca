/* Plain constants of personal API tokens, safe to import from the client. */

/** How many tokens (not revoked, not expired) one account may hold. */
export const MAX_LIVE_API_TOKENS = 20;
/** The lifetimes a new token may be given, in days; no lifetime: until revoked. */
export const API_TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;
