/** The provider's API answered with an error (or with something we cannot read). */
export class ProviderHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProviderHttpError";
    this.status = status;
  }
}

/** 429 from the provider: retry after `retryAfterSeconds`. */
export class RateLimitedError extends ProviderHttpError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = "The provider's rate limit was hit.") {
    super(429, message);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** 401 from the provider: the access token expired or was revoked; refresh and retry once. */
export class TokenExpiredError extends ProviderHttpError {
  constructor(message = "The provider rejected the access token.") {
    super(401, message);
    this.name = "TokenExpiredError";
  }
}
