import pino, { type DestinationStream, type Level, type LevelWithSilent } from "pino";
import { logLevel } from "./env";
import { redactError } from "./error-redaction";

/** A logger with the app's settings; tests pass their own destination to read what it writes. */
export function createLogger(options: { level?: LevelWithSilent | Level; destination?: DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? logLevel(),
      base: { app: "biosync" },
      // Errors are logged without the query parameters and rows they carry (see error-redaction.ts).
      serializers: { err: redactError, error: redactError },
      redact: { paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization"], remove: true },
    },
    options.destination,
  );
}

/** Structured JSON logs; callers pass the request id as a field. */
export const logger = createLogger();
