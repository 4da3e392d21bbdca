// Sent with every answer: next.config.js gives them to Next, scripts/http-server.mjs sends them with the
// brotli copies of static files too. The Content-Security-Policy carries a per-request nonce: proxy.ts sets it.
export const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
