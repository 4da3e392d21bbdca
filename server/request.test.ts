import { describe, expect, it } from "vitest";
import { clientIp, requestId } from "./request";

describe("request metadata", () => {
  it("takes the address the nearest proxy appended, not one the client wrote", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });

  it("keeps a well-formed request id and replaces anything else", () => {
    expect(requestId(new Headers({ "x-request-id": "abc12345-trace" }))).toBe("abc12345-trace");
    expect(requestId(new Headers({ "x-request-id": "<script>" }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
