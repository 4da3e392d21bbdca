import path from "node:path";
import { dataDir } from "@/db";
import { localFileStorage } from "./local";
import type { FileStorage } from "./storage";

export * from "./storage";

let configured: FileStorage | null = null;

/** The configured file storage: a local folder under DATA_DIR unless S3 is configured. */
export function fileStorage(): FileStorage {
  configured ??= localFileStorage(path.join(dataDir(), "files"));
  return configured;
}

/** Tests point the app at their own storage (a temporary folder, a fake S3). */
export function setFileStorage(storage: FileStorage | null): void {
  configured = storage;
}
