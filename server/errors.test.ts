import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, describeError, errorResponse } from "./errors";

describe("error mapping", () => {
  it("keeps an AppError's code, message and fields", () => {
    const body = describeError(AppError.field("heightCm", "must be between 50 and 272"));
    expect(body).toEqual({
      code: "BAD_REQUEST",
      message: "must be between 50 and 272",
      fields: [{ path: "heightCm", message: "must be between 50 and 272" }],
      retryAfter: undefined,
    });
  });

  it("turns a zod failure into BAD_REQUEST with every field path", () => {
    const parsed = z.object({ profile: z.object({ age: z.number().min(13) }), email: z.email() }).safeParse({ profile: { age: 3 }, email: "x" });
    const body = describeError(parsed.error);
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.fields?.map((f) => f.path)).toEqual(["profile.age", "email"]);
    expect(body.message).toMatch(/^Invalid input: profile\.age/);
  });

  it("finds an AppError wrapped as a cause", () => {
    const wrapped = new Error("outer", { cause: AppError.notFound("Session") });
    expect(describeError(wrapped)).toMatchObject({ code: "NOT_FOUND", message: "Session not found." });
  });

  it("hides internals of unknown errors", () => {
    expect(describeError(new Error("relation users does not exist"))).toEqual({ code: "INTERNAL", message: "Something went wrong on our side." });
  });

  it("reports malformed JSON as bad input, not a 500", () => {
    let error: unknown;
    try {
      JSON.parse("{oops");
    } catch (e) {
      error = e;
    }
    expect(describeError(error).code).toBe("BAD_REQUEST");
  });

  it("builds a JSON response with the status and Retry-After", async () => {
    const res = errorResponse(AppError.tooManyRequests(12.2), "req-12345678");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("13");
    expect(res.headers.get("x-request-id")).toBe("req-12345678");
    expect(await res.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS", retryAfter: 12.2 } });
  });
});
