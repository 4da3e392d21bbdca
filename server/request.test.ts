import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, requestId, servedOverTls } from "./request";

/** Headers as our server hands them on: the socket's address in the private header, plus what the client sent. */
const fromPeer = (peer: string, sent: Record<string, string> = {}) => new Headers({ ...sent, [PEER_ADDRESS_HEADER]: peer });

describe("clientIp", () => {
  it("by default is the socket's address, whatever X-Forwarded-For or X-Real-IP the client sends", () => {
    const seen = ["6.6.6.6", "7.7.7.7, 8.8.8.8", "203.0.113.9, 127.0.0.1", "garbage"].map((xff) =>
      clientIp(fromPeer("198.51.100.7", { "x-forwarded-for": xff, "x-real-ip": "9.9.9.9" }), 0),
    );
    expect(new Set(seen)).toEqual(new Set(["198.51.100.7"]));
  });

  it("with one trusted hop takes the entry the proxy appended, not the ones the client wrote", () => {
    expect(clientIp(fromPeer("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientIp(fromPeer("10.0.0.2", { "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("with two hops skips both proxies' entries", () => {
    expect(clientIp(fromPeer("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" }), 2)).toBe("203.0.113.9");
  });

  it("without our server (no peer header) a platform proxy counts as the first hop", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 0)).toBe("unknown");
  });

  it("writes IPv4-mapped IPv6 addresses as IPv4 and refuses what is not an address", () => {
    expect(clientIp(fromPeer("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(fromPeer("::1"), 0)).toBe("::1");
    expect(clientIp(fromPeer("10.0.0.2", { "x-forwarded-for": "<script>" }), 1)).toBe("unknown");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });
});

describe("servedOverTls", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverTls(fromPeer("10.0.0.2", { "x-forwarded-proto": "https" }), 0)).toBe(false);
    expect(servedOverTls(fromPeer("10.0.0.2", { "x-forwarded-proto": "https" }), 1)).toBe(true);
    expect(servedOverTls(fromPeer("10.0.0.2", { "x-forwarded-proto": "http" }), 1)).toBe(false);
  });
});

describe("requestId", () => {
  it("keeps a well-formed request id and replaces anything else", () => {
    expect(requestId(new Headers({ "x-request-id": "abc12345-trace" }))).toBe("abc12345-trace");
    expect(requestId(new Headers({ "x-request-id": "<script>" }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
