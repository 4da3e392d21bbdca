import pino from "pino";
import { logLevel } from "./env";

/** Structured JSON logs; callers pass the request id as a field. */
export const logger = pino({
  level: logLevel(),
  base: { app: "biosync" },
  redact: { paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization"], remove: true },
});
