import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["{app,server,db,inngest,components,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses; Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
