import { afterEach, describe, expect, it } from "vitest";
import { requestMetrics } from "@/db/schema/ops";
import { withTestDb } from "@/db/testing";
import { withRequestMetrics } from "./http";
import { discardRequestMetrics, flushRequestMetrics } from "./request-metrics";

const test = withTestDb();

afterEach(async () => {
  discardRequestMetrics();
  await test.db.delete(requestMetrics);
});

const routeRows = async (route: string) => (await test.db.select().from(requestMetrics)).filter((r) => r.route === route);

describe("withRequestMetrics", () => {
  it("keeps a valid x-request-id, hands it to the handler and echoes it", async () => {
    let seen: string | null = null;
    const handler = withRequestMetrics("/api/test", (req: Request) => {
      seen = req.headers.get("x-request-id");
      return Response.json({ ok: true });
    });
    const res = await handler(new Request("http://app.test/api/test", { headers: { "x-request-id": "abcdefgh-1234" } }));
    expect(res.headers.get("x-request-id")).toBe("abcdefgh-1234");
    expect(seen).toBe("abcdefgh-1234");
  });

  it("gives a request without a valid id a new one, the same in the handler and the answer", async () => {
    let seen: string | null = null;
    const handler = withRequestMetrics("/api/test", (req: Request) => {
      seen = req.headers.get("x-request-id");
      return Response.redirect("http://app.test/elsewhere", 303);
    });
    const res = await handler(new Request("http://app.test/api/test", { headers: { "x-request-id": "bad id!" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toBe(res.headers.get("x-request-id"));
  });

  it("counts answers under the route pattern, 5xx and thrown handlers as errors", async () => {
    const route = "/api/things/[id]";
    const handler = withRequestMetrics(route, async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
      const { id } = await ctx.params;
      if (id === "boom") throw new Error("handler bug");
      return new Response(null, { status: id === "down" ? 503 : id === "missing" ? 404 : 200 });
    });
    const call = (id: string) => handler(new Request(`http://app.test/api/things/${id}`), { params: Promise.resolve({ id }) });
    await call("a");
    await call("missing");
    await call("down");
    await expect(call("boom")).rejects.toThrow("handler bug");

    await flushRequestMetrics(test.db);
    const rows = await routeRows(route);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 4, errors: 2 });
  });
});
