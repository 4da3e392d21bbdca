import { NextRequest } from "next/server";
import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function get() {
  const { GET } = await import("./route");
  return GET(new NextRequest("http://localhost:3000/api/inngest"), { params: Promise.resolve({}) });
}

it("answers 404 while jobs run in-process", async () => {
  vi.stubEnv("INNGEST_EVENT_KEY", "");
  vi.stubEnv("INNGEST_DEV", "");
  const response = await get();
  expect(response.status).toBe(404);
});

it("serves the function list to an Inngest dev server", async () => {
  vi.stubEnv("INNGEST_DEV", "1");
  const response = await get();
  expect(response.status).toBe(200);
  const body = (await response.json()) as { function_count?: number; mode?: string };
  expect(body.mode).toBe("dev");
  const { inngestFunctions } = await import("@/inngest/index");
  expect(body.function_count).toBe(inngestFunctions().length);
});
