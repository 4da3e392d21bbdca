// Every domain's tables, one file per domain. drizzle-kit and the db handle read this list.
export * from "./auth";
