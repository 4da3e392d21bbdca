import { describe, expect, it } from "vitest";
import { deprecationHeaders } from "./deprecations";
import { matchRoute } from "./routes";

describe("matchRoute", () => {
  it("finds the operation of a method and path, parameters included", () => {
    expect(matchRoute("GET", "/me")).toEqual({ kind: "operation", operationId: "getMe", deprecated: false });
    expect(matchRoute("GET", "/journal/entries/2026-01-02")).toMatchObject({ operationId: "getJournalEntry" });
    expect(matchRoute("DELETE", "/journal/entries/5b0c3a52-1f0e-4f38-9a55-2f8f7a0d3c11")).toMatchObject({ operationId: "deleteJournalEntry" });
    expect(matchRoute("HEAD", "/summary")).toMatchObject({ operationId: "getSummary" });
  });

  it("tells a wrong method (with the allowed ones) from an unknown path", () => {
    expect(matchRoute("POST", "/me")).toEqual({ kind: "wrong-method", allow: ["GET"] });
    expect(matchRoute("PATCH", "/journal/entries")).toEqual({ kind: "wrong-method", allow: ["GET", "POST"] });
    expect(matchRoute("GET", "/journal/entries/a/b")).toEqual({ kind: "unknown" });
    expect(matchRoute("GET", "/")).toEqual({ kind: "unknown" });
  });
});

describe("deprecationHeaders", () => {
  it("marks a deprecated operation, with its sunset date once one is set", () => {
    expect(deprecationHeaders({ operationId: "getMe", deprecated: false }, { getMe: "Tue, 01 Jun 2027 00:00:00 GMT" })).toEqual({});
    expect(deprecationHeaders({ operationId: "getMe", deprecated: true }, {})).toEqual({ deprecation: "true" });
    expect(deprecationHeaders({ operationId: "getMe", deprecated: true }, { getMe: "Tue, 01 Jun 2027 00:00:00 GMT" })).toEqual({
      deprecation: "true",
      sunset: "Tue, 01 Jun 2027 00:00:00 GMT",
    });
  });
});
