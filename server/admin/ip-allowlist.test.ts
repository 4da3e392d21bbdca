import { beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { parseEnv } from "../env";
import { callerFor, sessionFor } from "../testing";
import type { SessionUser } from "../trpc";
import { adminIpAllowed } from "./ip-allowlist";
import { allowlistProblem } from "./ip-allowlist-format";

const allowlist = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("../env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../env")>();
  return { ...actual, env: () => ({ ...actual.env(), ADMIN_IP_ALLOWLIST: allowlist.value }) };
});

describe("adminIpAllowed", () => {
  it("lets every address through without a list", () => {
    expect(adminIpAllowed("198.51.100.1", undefined)).toBe(true);
    expect(adminIpAllowed("unknown", "")).toBe(true);
  });

  it("matches single addresses and CIDR ranges, IPv4 and IPv6", () => {
    const list = "10.0.0.0/8, 203.0.113.7,2001:db8::/32";
    expect(adminIpAllowed("10.20.30.40", list)).toBe(true);
    expect(adminIpAllowed("203.0.113.7", list)).toBe(true);
    expect(adminIpAllowed("2001:db8::1", list)).toBe(true);
    expect(adminIpAllowed("203.0.113.8", list)).toBe(false);
    expect(adminIpAllowed("11.0.0.1", list)).toBe(false);
    expect(adminIpAllowed("unknown", list)).toBe(false);
  });

  it("is checked at start-up: an entry that is no address is refused", () => {
    expect(allowlistProblem("10.0.0.0/8,not-an-ip")).not.toBeNull();
    expect(() => parseEnv({ ADMIN_IP_ALLOWLIST: "10.0.0.0/33" })).toThrow(/ADMIN_IP_ALLOWLIST/);
    expect(parseEnv({ ADMIN_IP_ALLOWLIST: "127.0.0.1,::1" }).ADMIN_IP_ALLOWLIST).toBe("127.0.0.1,::1");
  });
});

describe("admin procedures under ADMIN_IP_ALLOWLIST", () => {
  const test = withTestDb();
  let admin: SessionUser;
  beforeAll(async () => {
    const [row] = await test.db.insert(users).values({ email: "allowlist-admin@example.com", role: "admin" }).returning();
    admin = sessionFor(row!);
  });

  it("answer from anywhere when the option is off", async () => {
    allowlist.value = undefined;
    await expect(callerFor(test.db, admin, { ip: "198.51.100.1" }).admin.overview()).resolves.toMatchObject({ totalUsers: 1 });
  });

  it("answer from a listed address and refuse an admin elsewhere when it is on", async () => {
    allowlist.value = "10.0.0.0/8";
    await expect(callerFor(test.db, admin, { ip: "10.1.2.3" }).admin.overview()).resolves.toMatchObject({ totalUsers: 1 });
    await expect(callerFor(test.db, admin, { ip: "198.51.100.1" }).admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/network/) });
    await expect(callerFor(test.db, admin, { ip: "198.51.100.1" }).jobs.counts()).rejects.toMatchObject({ code: "FORBIDDEN" });
    allowlist.value = undefined;
  });
});
