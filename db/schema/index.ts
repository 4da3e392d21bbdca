// Every domain's tables, one file per domain. drizzle-kit and the db handle read this list.
export * from "./auth";
export * from "./jobs";
export * from "./email";
export * from "./profile";
export * from "./devices";
export * from "./ingestion";
export * from "./timeseries";
export * from "./imports";
export * from "./audit";
export * from "./rate-limits";
export * from "./two-factor";
export * from "./analytics";
export * from "./exports";
export * from "./journal";
export * from "./reports";
export * from "./privacy";
export * from "./notifications";
