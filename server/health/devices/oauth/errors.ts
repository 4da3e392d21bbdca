/** The token endpoint refused a request (`{error, error_description}` of RFC 6749 §5.2). */
export class OAuthError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, description?: string | null) {
    super(description ? `${code}: ${description}` : code);
    this.name = "OAuthError";
    this.code = code;
    this.status = status;
  }

  /** The code or refresh token is dead (expired, used, revoked): the user must connect again. */
  get needsReconnect(): boolean {
    return this.code === "invalid_grant";
  }
}

/** The user granted fewer scopes than the connection needs. */
export class MissingScopeError extends Error {
  readonly missing: string[];
  readonly granted: string[];
  constructor(missing: string[], granted: string[]) {
    super(`Missing required permission${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
    this.name = "MissingScopeError";
    this.missing = missing;
    this.granted = granted;
  }
}
