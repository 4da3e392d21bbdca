import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { authenticateWithPassword } from "./account/auth/credentials";
import { listProcedures } from "./attack-surface";
import { isoDate, multiLineText, singleLineText, textInputs } from "./inputs";
import { formatPath, inputSchemaOf, stringSchemasIn } from "./security/input-samples";
import { encodeCursor } from "./pagination";
import { badRequestFields, callerFor, rejectionOf, sessionFor } from "./testing";

const test = withTestDb({ inProcessJobs: true });

async function signedIn(role: "user" | "admin" = "user") {
  const [row] = await test.db.insert(users).values({ email: `${role}-${crypto.randomUUID()}@example.com`, role }).returning();
  return callerFor(test.db, sessionFor(row!));
}

const rawCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");

describe("the shared text schemas", () => {
  const single = singleLineText({ max: 50 });
  const multi = multiLineText({ max: 50 });

  it("single-line text refuses every control character, NUL and lone surrogates", () => {
    for (const bad of ["a\u0000b", "a\nb", "a\tb", "a\rb", "a\u0007", "a\u007f", "a\u0085", "a\uD800b", "a\uDC00"]) {
      expect(single.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(single.parse("  Zoë 😀 O'Brien  ")).toBe("Zoë 😀 O'Brien");
  });

  it("multi-line text allows line breaks and tabs only", () => {
    expect(multi.parse("one\n\ttwo\r\nthree")).toBe("one\n\ttwo\r\nthree");
    for (const bad of ["a\u0000b", "a\u0007", "a\u001b[31m", "a\uD83D"]) expect(multi.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("dates are bounded to plausible years", () => {
    for (const bad of ["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "2024-02-30"]) expect(isoDate.safeParse(bad).success, bad).toBe(false);
    expect(isoDate.parse("1900-01-01")).toBe("1900-01-01");
    expect(isoDate.parse("2100-12-31")).toBe("2100-12-31");
  });
});

describe("every string input of every procedure", () => {
  it("is built from the shared schemas, or is a format (uuid, email, date) that refuses control characters itself", () => {
    const strays = listProcedures().flatMap((entry) => {
      const schema = inputSchemaOf(entry);
      return (schema ? stringSchemasIn(schema) : [])
        .filter(({ schema: string }) => !textInputs.get(string as never) && !(string as unknown as { format: string | null }).format)
        .map(({ path }) => `${entry.path}: ${formatPath(path)}`);
    });
    expect(strays).toEqual([]);
  });
});

describe("bad input answers 400 naming the field, never 500", () => {
  it("a NUL byte or a control character in auth.register's name", async () => {
    const anonymous = callerFor(test.db, null, { ip: "203.0.113.7" });
    for (const name of ["Ada\u0000", "Ada\u0007", "Ada\nLovelace"]) {
      expect(await badRequestFields(anonymous.auth.register({ email: `a-${crypto.randomUUID()}@example.com`, password: "Correct-Horse-42-battery", name }))).toEqual(["name"]);
    }
  });

  it("a NUL byte or a lone surrogate in profile.update's name", async () => {
    const caller = await signedIn();
    expect(await badRequestFields(caller.profile.update({ name: "Ada\u0000" }))).toEqual(["name"]);
    expect(await badRequestFields(caller.profile.update({ name: "Ada\uD800" }))).toEqual(["name"]);
  });

  it("a NUL byte in outbox.list's search", async () => {
    const admin = await signedIn("admin");
    expect(await badRequestFields(admin.outbox.list({ to: "a\u0000b" }))).toEqual(["to"]);
  });

  it("a cursor whose id is not a UUID, whose date is out of range or that is not a cursor at all, on every list", async () => {
    const user = await signedIn();
    const admin = await signedIn("admin");
    const lists = [
      (cursor: string) => user.imports.list({ cursor }),
      (cursor: string) => user.devices.history({ cursor }),
      (cursor: string) => admin.jobs.list({ cursor }),
      (cursor: string) => admin.outbox.list({ cursor }),
    ];
    const cursors = [
      rawCursor(new Date().toISOString(), "not-a-uuid"),
      rawCursor("-100000-01-01T00:00:00.000Z", crypto.randomUUID()),
      rawCursor("0000-01-01T00:00:00.000Z", crypto.randomUUID()),
      rawCursor(new Date().toISOString(), "1' or '1'='1"),
      Buffer.from(JSON.stringify({ at: 1 })).toString("base64url"),
      "%%%not base64%%%",
    ];
    for (const list of lists) {
      for (const cursor of cursors) expect(await badRequestFields(list(cursor))).toEqual(["cursor"]);
      await expect(list(encodeCursor(new Date(), crypto.randomUUID()))).resolves.toMatchObject({ items: [] });
    }
  });

  it("timeseries.range refuses year 0000 and other implausible dates", async () => {
    const caller = await signedIn();
    expect(await badRequestFields(caller.timeseries.range({ from: "0000-01-01", to: "0000-01-02" }))).toEqual(["from", "to"]);
    const error = await rejectionOf(caller.timeseries.range({ from: "2024-01-01", to: "2101-01-01" }), TRPCError);
    expect(error.code).toBe("BAD_REQUEST");
    await expect(caller.timeseries.range({ from: "2024-01-01", to: "2024-01-31" })).resolves.toEqual([]);
  });

  it("a NUL byte in a sign-in's email or password is a wrong sign-in, not an error", async () => {
    for (const [email, password] of [["ada\u0000@example.com", "Correct-Horse-42-battery"], ["ada@example.com", "pass\u0000word"]]) {
      await expect(authenticateWithPassword(test.db, { email, password, ip: "203.0.113.9" })).resolves.toEqual({ ok: false, reason: "invalid" });
    }
  });
});
