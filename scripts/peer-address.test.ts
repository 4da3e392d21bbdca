import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER as READ_BY_APP } from "@/server/request";
import { PEER_ADDRESS_HEADER, setPeerAddress } from "./peer-address.mjs";

function request(rawHeaders: string[], remoteAddress: string) {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) headers[rawHeaders[i]!.toLowerCase()] = rawHeaders[i + 1]!;
  return { rawHeaders, headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("setPeerAddress", () => {
  it("sets the header the app reads", () => {
    expect(PEER_ADDRESS_HEADER).toBe(READ_BY_APP);
  });

  it("replaces every copy the client sent with the socket's address", () => {
    const req = request(["Host", "localhost", "X-BioSync-Peer", "6.6.6.6", "x-biosync-peer", "7.7.7.7"], "203.0.113.9");
    setPeerAddress(req);
    expect(req.headers[PEER_ADDRESS_HEADER]).toBe("203.0.113.9");
    expect(req.rawHeaders).toEqual(["Host", "localhost", PEER_ADDRESS_HEADER, "203.0.113.9"]);
  });
});
