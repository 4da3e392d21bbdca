// @ts-check
import path from "node:path";
import { securityHeaders } from "./scripts/security-headers.mjs";
import { precompressStatic } from "./scripts/static-brotli.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  poweredByHeader: false,
  // A self-contained server folder for containers (scripts/standalone.mjs completes it; Dockerfile).
  output: "standalone",
  typedRoutes: false,
  // radix-ui re-exports every primitive as a namespace: without this, a page that uses one ships them all.
  experimental: { optimizePackageImports: ["radix-ui"] },
  // Brotli copies of the static scripts and stylesheets, which scripts/serve.mjs sends to browsers that take br.
  compiler: {
    async runAfterProductionCompile({ projectDir, distDir }) {
      await precompressStatic(path.resolve(projectDir, distDir, "static"));
    },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
