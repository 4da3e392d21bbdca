import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpush from "web-push";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as envModule from "@/server/env";
import { LOCAL_KEYS_FILE, resolveVapidDetails } from "./vapid";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An environment parsed from `vars`, also answering env() (dataDir() reads DATA_DIR from it). */
function environment(vars: Record<string, string>) {
  const parsed = envModule.parseEnv({ NODE_ENV: "test", ...vars });
  vi.spyOn(envModule, "env").mockReturnValue(parsed);
  return parsed;
}

describe("VAPID details", () => {
  it("generates a key pair once under DATA_DIR (mode 0600) and reuses it, like AUTH_SECRET's", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vapid-"));
    dirs.push(dir);
    const e = environment({ DATA_DIR: dir });
    const first = resolveVapidDetails(e);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(first.privateKey, "base64url")).toHaveLength(32);
    expect(resolveVapidDetails(e)).toEqual(first);
    const file = path.join(dir, LOCAL_KEYS_FILE);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.subject).toBe("mailto:no-reply@biosync.local");
  });

  it("takes the keys and subject from the environment when set (what a second instance shares)", () => {
    const keys = webpush.generateVAPIDKeys();
    const e = environment({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:ops@example.com" });
    expect(resolveVapidDetails(e)).toEqual({ subject: "mailto:ops@example.com", ...keys });
    expect(resolveVapidDetails(environment({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, APP_URL: "https://biosync.example.org" })).subject).toBe("https://biosync.example.org");
  });

  it("refuses half a key pair and a subject that is not mailto: or https:", () => {
    expect(() => envModule.parseEnv({ VAPID_PUBLIC_KEY: webpush.generateVAPIDKeys().publicKey })).toThrow("VAPID_PRIVATE_KEY");
    expect(() => envModule.parseEnv({ VAPID_SUBJECT: "http://example.com" })).toThrow("VAPID_SUBJECT");
  });
});
