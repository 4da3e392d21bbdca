import path from "node:path";
import { dataDir } from "@/db";
import { env, type Env } from "../../env";
import { localFileStorage } from "./local";
import { s3FileStorage } from "./s3";
import type { FileStorage } from "./storage";

export * from "./storage";

let configured: FileStorage | null = null;

/** S3-compatible storage when S3_BUCKET is set; null for the local folder. */
export function s3StorageFromEnv(e: Env = env()): FileStorage | null {
  if (!e.S3_BUCKET) return null;
  return s3FileStorage({
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  });
}

/** The configured file storage: S3 when S3_BUCKET is set, else a local folder under DATA_DIR. */
export function fileStorage(): FileStorage {
  configured ??= s3StorageFromEnv() ?? localFileStorage(path.join(dataDir(), "files"));
  return configured;
}

/** Tests point the app at their own storage (a temporary folder, a fake S3). */
export function setFileStorage(storage: FileStorage | null): void {
  configured = storage;
}
