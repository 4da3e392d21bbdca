import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Environment variables are read only through server/env.ts (validated, documented in .env.example).
    // NODE_ENV and NEXT_RUNTIME are build-time constants Next.js inlines (client and edge code too).
    // Scripts, tests, test helpers and tool configs run outside the app and read their own variables.
    ignores: ["server/env.ts", "scripts/**", "e2e/**", "**/*.test.ts", "**/*.test.tsx", "db/testing.ts", "vitest.*.ts", "*.config.{ts,js,mjs}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']:not([parent.property.name=/^(NODE_ENV|NEXT_RUNTIME)$/])",
          message: "Read environment variables through server/env.ts (only NODE_ENV and NEXT_RUNTIME may be read directly).",
        },
      ],
    },
  },
];

export default config;
