import { describe, expect, it } from "vitest";
import { EnvError, isBuildPhase, jobBackend, logLevel, parseEnv, providerEnv } from "./env";

describe("environment validation", () => {
  it("accepts an empty environment: every default is embedded", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(jobBackend(env)).toBe("local");
  });

  it("points the default APP_URL at the port the app serves on", () => {
    expect(parseEnv({ PORT: "3400" }).APP_URL).toBe("http://localhost:3400");
    expect(parseEnv({ PORT: "3400", APP_URL: "https://biosync.example" }).APP_URL).toBe("https://biosync.example");
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ RESEND_API_KEY: "", DATABASE_URL: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it("names every bad variable in one message", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", APP_URL: "not a url", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_URL", "LOG_LEVEL"]) expect(message).toContain(name);
    expect((error as EnvError).problems).toHaveLength(4);
  });

  it("requires both Google variables or neither", () => {
    expect(() => parseEnv({ AUTH_GOOGLE_ID: "id" })).toThrow(/AUTH_GOOGLE_SECRET/);
    expect(parseEnv({ AUTH_GOOGLE_ID: "id", AUTH_GOOGLE_SECRET: "s" }).AUTH_GOOGLE_ID).toBe("id");
  });

  it("switches the job backend to Inngest with an event key or the dev flag", () => {
    expect(jobBackend(parseEnv({ INNGEST_EVENT_KEY: "k" }))).toBe("inngest");
    expect(jobBackend(parseEnv({ INNGEST_DEV: "1" }))).toBe("inngest");
  });

  it("accepts every supported database URL", () => {
    for (const url of ["pglite://memory", "pglite://.data/x", "postgres://u@h:5432/d", "postgresql://u:p@ep-1.neon.tech/d"]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });
});

describe("integration variables", () => {
  it("validates the token key ring and provider URLs", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ TOKEN_ENCRYPTION_KEYS: `k2:${key},k1:${key}` }).TOKEN_ENCRYPTION_KEYS).toContain("k2:");
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEYS: "k1:short" })).toThrow(/TOKEN_ENCRYPTION_KEYS/);
    expect(() => parseEnv({ OURA_API_BASE_URL: "not a url" })).toThrow(/OURA_API_BASE_URL/);
  });
});

describe("variables read before or outside the validated environment", () => {
  it("gives the logger a level even when LOG_LEVEL is invalid (env() reports it), instead of crashing at import", () => {
    expect(logLevel({ LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevel({ LOG_LEVEL: "loud" })).toBe("info");
    expect(logLevel({ NODE_ENV: "test" })).toBe("silent");
  });

  it("reads one provider's variables, trimmed, null when unset or blank", () => {
    expect(providerEnv("OURA", { OURA_CLIENT_ID: " id ", OURA_CLIENT_SECRET: "", WHOOP_CLIENT_ID: "other" })).toEqual({
      CLIENT_ID: "id",
      CLIENT_SECRET: null,
      WEBHOOK_SECRET: null,
      VERIFICATION_TOKEN: null,
      API_BASE_URL: null,
      AUTH_BASE_URL: null,
    });
  });

  it("knows when it runs inside next build", () => {
    expect(isBuildPhase({ NEXT_PHASE: "phase-production-build" })).toBe(true);
    expect(isBuildPhase({ NEXT_PHASE: "phase-production-server" })).toBe(false);
  });
});
