import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for a provider's OAuth 2 endpoints and identity API (tests only), serving the
 * paths of Oura, Fitbit and WHOOP on one origin. Authorization is simulated by `approve()`, which
 * turns an authorize URL into a code; the token endpoint checks that code, the PKCE verifier, the
 * redirect URI and the client's credentials exactly as the providers document.
 */
export interface FakeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** `basic`: HTTP Basic client auth (Fitbit); `body`: client_id/client_secret in the form (Oura, WHOOP). */
  clientAuth: "basic" | "body";
  accessTtlSeconds?: number;
  /** Put the provider's user id in the token response (Fitbit does; Oura and WHOOP do not). */
  userIdInTokenResponse?: boolean;
  /** Issue a new refresh token on each refresh (WHOOP, Fitbit rotate theirs). */
  rotateRefreshTokens?: boolean;
}

interface IssuedCode {
  externalUserId: string;
  redirectUri: string;
  codeChallenge: string | null;
  scope: string;
  used: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  form: URLSearchParams;
}

export interface FakeOAuthServer {
  url: string;
  requests: RecordedRequest[];
  /** Access tokens the fake currently accepts. */
  liveAccessTokens: Set<string>;
  liveRefreshTokens: Set<string>;
  /**
   * A provider user consents: a code for this authorize URL, optionally granting fewer scopes than
   * asked. Each approval is a new provider user unless `externalUserId` names one.
   */
  approve(authorizeUrl: string, options?: { grantedScopes?: string[]; externalUserId?: string }): string;
  /** The provider's user id behind an access or refresh token. */
  userOf(token: string): string | undefined;
  /** Makes the next refreshes fail with `invalid_grant` (the user revoked access at the provider). */
  revokeAll(): void;
  close(): Promise<void>;
}

export async function startFakeOAuthServer(options: FakeOAuthOptions): Promise<FakeOAuthServer> {
  const codes = new Map<string, IssuedCode>();
  const requests: RecordedRequest[] = [];
  const liveAccessTokens = new Set<string>();
  const liveRefreshTokens = new Set<string>();
  const grants = new Map<string, { scope: string; externalUserId: string }>();
  const ttl = options.accessTtlSeconds ?? 3600;

  const issueTokens = (grant: { scope: string; externalUserId: string }, previousRefresh?: string) => {
    const access = `at-${randomBytes(12).toString("hex")}`;
    liveAccessTokens.add(access);
    grants.set(access, grant);
    let refresh = previousRefresh;
    if (!refresh || options.rotateRefreshTokens) {
      if (refresh) liveRefreshTokens.delete(refresh);
      refresh = `rt-${randomBytes(12).toString("hex")}`;
      liveRefreshTokens.add(refresh);
      grants.set(refresh, grant);
    }
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: ttl,
      scope: grant.scope,
      ...(refresh !== previousRefresh ? { refresh_token: refresh } : {}),
      ...(options.userIdInTokenResponse ? { user_id: grant.externalUserId } : {}),
    };
  };

  const clientAuthenticated = (req: RecordedRequest): boolean => {
    if (options.clientAuth === "basic") {
      const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
      return req.headers.authorization === expected;
    }
    return req.form.get("client_id") === options.clientId && req.form.get("client_secret") === options.clientSecret;
  };

  const bearer = (req: RecordedRequest) => req.headers.authorization?.replace(/^Bearer /, "") ?? "";

  const handle = (req: RecordedRequest): { status: number; body?: unknown } => {
    const isTokenPath = req.path === "/oauth/token" || req.path === "/oauth2/token" || req.path === "/oauth/oauth2/token";
    if (req.method === "POST" && isTokenPath) {
      if (!clientAuthenticated(req)) return { status: 401, body: { error: "invalid_client" } };
      const grant = req.form.get("grant_type");
      if (grant === "authorization_code") {
        const issued = codes.get(req.form.get("code") ?? "");
        if (!issued || issued.used) return { status: 400, body: { error: "invalid_grant", error_description: "unknown or used code" } };
        issued.used = true;
        if (req.form.get("redirect_uri") !== issued.redirectUri) return { status: 400, body: { error: "invalid_grant", error_description: "redirect_uri mismatch" } };
        if (issued.codeChallenge) {
          const verifier = req.form.get("code_verifier") ?? "";
          if (createHash("sha256").update(verifier).digest("base64url") !== issued.codeChallenge) {
            return { status: 400, body: { error: "invalid_grant", error_description: "code_verifier mismatch" } };
          }
        }
        return { status: 200, body: issueTokens({ scope: issued.scope, externalUserId: issued.externalUserId }) };
      }
      if (grant === "refresh_token") {
        const token = req.form.get("refresh_token") ?? "";
        if (!liveRefreshTokens.has(token)) return { status: 400, body: { error: "invalid_grant", error_description: "refresh token revoked" } };
        return { status: 200, body: issueTokens(grants.get(token) ?? { scope: "", externalUserId: "" }, token) };
      }
      return { status: 400, body: { error: "unsupported_grant_type" } };
    }
    // Oura: POST /oauth/revoke?access_token=…
    if (req.method === "POST" && req.path === "/oauth/revoke") {
      liveAccessTokens.delete(req.query.get("access_token") ?? "");
      return { status: 200 };
    }
    // Fitbit (RFC 7009): POST /oauth2/revoke, form token=…, client Basic auth.
    if (req.method === "POST" && req.path === "/oauth2/revoke") {
      if (!clientAuthenticated(req)) return { status: 401, body: { error: "invalid_client" } };
      const token = req.form.get("token") ?? "";
      liveAccessTokens.delete(token);
      liveRefreshTokens.delete(token);
      return { status: 200 };
    }
    // WHOOP: DELETE /developer/v2/user/access with the bearer token.
    if (req.method === "DELETE" && req.path === "/developer/v2/user/access") {
      if (!liveAccessTokens.delete(bearer(req))) return { status: 401 };
      return { status: 204 };
    }
    const identity: Record<string, (id: string) => unknown> = {
      "/v2/usercollection/personal_info": (id) => ({ id, age: 40 }),
      "/1/user/-/profile.json": (id) => ({ user: { encodedId: id, timezone: "Europe/Berlin" } }),
      "/developer/v2/user/profile/basic": (id) => ({ user_id: id }),
    };
    const profile = identity[req.path];
    if (req.method === "GET" && profile) {
      const token = bearer(req);
      const grant = grants.get(token);
      if (!liveAccessTokens.has(token) || !grant) return { status: 401, body: { error: "invalid_token" } };
      return { status: 200, body: profile(grant.externalUserId) };
    }
    return { status: 404, body: { error: "not_found" } };
  };

  const server: Server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      };
      requests.push(recorded);
      const { status, body } = handle(recorded);
      res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    liveAccessTokens,
    liveRefreshTokens,
    approve(authorizeUrl, approveOptions = {}) {
      const url = new URL(authorizeUrl);
      const code = `code-${randomBytes(8).toString("hex")}`;
      const asked = url.searchParams.get("scope") ?? "";
      codes.set(code, {
        externalUserId: approveOptions.externalUserId ?? `ext-${randomBytes(4).toString("hex")}`,
        redirectUri: url.searchParams.get("redirect_uri") ?? "",
        codeChallenge: url.searchParams.get("code_challenge_method") === "S256" ? url.searchParams.get("code_challenge") : null,
        scope: approveOptions.grantedScopes ? approveOptions.grantedScopes.join(" ") : asked,
        used: false,
      });
      return code;
    },
    userOf: (token) => grants.get(token)?.externalUserId,
    revokeAll() {
      liveRefreshTokens.clear();
      liveAccessTokens.clear();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export interface FakeTerraServer {
  url: string;
  requests: RecordedRequest[];
  /** Terra user ids that are still authenticated. */
  users: Map<string, { referenceId: string | null; resource: string }>;
  /** The user finishes the widget: the success redirect with Terra's parameters appended. */
  finishWidget(widgetUrl: string, options?: { resource?: string }): string;
  close(): Promise<void>;
}

/** A local stand-in for Terra's widget-session, userInfo and deauthentication endpoints (tests only). */
export async function startFakeTerraServer(credentials: { devId: string; apiKey: string }): Promise<FakeTerraServer> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, { referenceId: string | null; success: string }>();
  const users = new Map<string, { referenceId: string | null; resource: string }>();

  const handle = (req: RecordedRequest, body: string): { status: number; body?: unknown } => {
    if (req.headers["dev-id"] !== credentials.devId || req.headers["x-api-key"] !== credentials.apiKey) {
      return { status: 401, body: { status: "error", message: "unauthorised" } };
    }
    if (req.method === "POST" && req.path === "/v2/auth/generateWidgetSession") {
      const input = JSON.parse(body) as { reference_id?: string; auth_success_redirect_url?: string };
      const id = randomBytes(6).toString("hex");
      sessions.set(id, { referenceId: input.reference_id ?? null, success: input.auth_success_redirect_url ?? "" });
      return { status: 201, body: { status: "success", session_id: id, url: `https://widget.tryterra.co/session/${id}`, expires_in: 900 } };
    }
    if (req.method === "GET" && req.path === "/v2/userInfo") {
      const userId = req.query.get("user_id") ?? "";
      const user = users.get(userId);
      if (!user) return { status: 404, body: { status: "error", message: "user not found" } };
      return { status: 200, body: { status: "success", is_authenticated: true, user: { user_id: userId, provider: user.resource, reference_id: user.referenceId } } };
    }
    if (req.method === "DELETE" && req.path === "/v2/auth/deauthenticateUser") {
      return users.delete(req.query.get("user_id") ?? "") ? { status: 200, body: { status: "success" } } : { status: 404 };
    }
    return { status: 404 };
  };

  const server: Server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const raw = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = { method: incoming.method ?? "GET", path: url.pathname, query: url.searchParams, headers: incoming.headers, form: new URLSearchParams() };
      requests.push(recorded);
      const { status, body } = handle(recorded, raw);
      res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    users,
    finishWidget(widgetUrl, options = {}) {
      const session = sessions.get(new URL(widgetUrl).pathname.split("/").pop() ?? "");
      if (!session) throw new Error(`unknown widget session ${widgetUrl}`);
      const userId = `terra-${randomBytes(4).toString("hex")}`;
      const resource = options.resource ?? "OURA";
      users.set(userId, { referenceId: session.referenceId, resource });
      const back = new URL(session.success);
      back.searchParams.set("user_id", userId);
      back.searchParams.set("resource", resource);
      if (session.referenceId) back.searchParams.set("reference_id", session.referenceId);
      return back.toString();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
