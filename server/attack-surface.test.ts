import { describe, expect, it } from "vitest";
import { listProcedures, listRouteHandlers } from "./attack-surface";

describe("attack surface", () => {
  it("finds every procedure with its type", () => {
    const procedures = listProcedures();
    expect(procedures.length).toBeGreaterThan(30);
    expect(procedures.find((p) => p.path === "auth.register")).toMatchObject({ type: "mutation", takesInput: true });
    expect(procedures.find((p) => p.path === "auth.me")).toMatchObject({ type: "query", takesInput: false });
  });

  it("finds every route handler with its methods", async () => {
    const routes = await listRouteHandlers();
    expect(routes.find((r) => r.pattern === "/api/webhooks/[provider]")?.methods).toEqual(["GET", "POST"]);
    expect(routes.find((r) => r.pattern === "/api/imports")?.methods).toEqual(["POST"]);
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });
});
