import pino from "pino";

/** Structured JSON logs; child loggers carry the request id. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "biosync" },
  redact: { paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization"], remove: true },
});

export function requestLogger(requestId: string) {
  return logger.child({ requestId });
}
