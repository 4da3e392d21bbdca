import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStorage } from "./local";
import { parseEnv } from "../../env";
import { s3StorageFromEnv } from "./index";
import { s3FileStorage } from "./s3";
import { startFakeS3, type FakeS3 } from "./testing/fake-s3";
import { userFileKey, type FileStorage } from "./storage";

const MiB = 1024 * 1024;
const PART = 5 * MiB;

async function* piecesOf(total: number, pieceBytes = 64 * 1024, failAt?: number): AsyncGenerator<Uint8Array> {
  let sent = 0;
  while (sent < total) {
    if (failAt !== undefined && sent >= failAt) throw new Error("the writer broke");
    const n = Math.min(pieceBytes, total - sent);
    const piece = Buffer.alloc(n);
    for (let i = 0; i < n; i++) piece[i] = (sent + i) % 251;
    sent += n;
    yield piece;
  }
}

async function* of(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function bytesOf(storage: FileStorage, key: string): Promise<Buffer | null> {
  const file = await storage.get(key);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What every FileStorage must do, run against each backend. */
function storageContract(name: string, open: () => FileStorage, extra?: { afterFailedPut?: () => void; afterBigPut?: () => void }) {
  describe(`${name} storage`, () => {
    const user = "0b5f3a4e-8c1d-4c4e-9a43-5b1c0f6f7a10";
    it("keeps, replaces, lists and removes files", async () => {
      const storage = open();
      const a = userFileKey(user, "exports", "a.csv");
      const b = userFileKey(user, "exports", "b.csv");
      const other = userFileKey("1c5f3a4e-8c1d-4c4e-9a43-5b1c0f6f7a11", "exports", "c.csv");
      expect(await storage.put(a, of("metric,value\n", "heart_rate,61\n"), { contentType: "text/csv" })).toEqual({ bytes: 27 });
      await storage.put(b, of("first"));
      await storage.put(b, of("second, longer"));
      await storage.put(other, of("theirs"));
      const file = await storage.get(a);
      expect(file?.bytes).toBe(27);
      expect(await text(file!.body)).toBe("metric,value\nheart_rate,61\n");
      expect((await bytesOf(storage, b))?.toString()).toBe("second, longer");
      expect(await storage.get(userFileKey(user, "exports", "missing.csv"))).toBeNull();
      expect(await storage.list(`users/${user}/`)).toEqual([a, b]);
      await storage.delete(a);
      await storage.delete(a);
      expect(await storage.get(a)).toBeNull();
      expect(await storage.deletePrefix(`users/${user}/`)).toBe(1);
      expect(await storage.list(`users/${user}/`)).toEqual([]);
      expect(await storage.list("users/")).toEqual([other]);
      await storage.put(userFileKey(user, "empty.csv"), of());
      expect((await bytesOf(storage, userFileKey(user, "empty.csv")))?.length).toBe(0);
    });

    it("streams a file larger than a part and keeps every byte", async () => {
      const storage = open();
      const key = userFileKey(user, "exports", "big.csv");
      const total = 2 * PART + 123_457;
      expect(await storage.put(key, piecesOf(total, 100_003))).toEqual({ bytes: total });
      const back = await bytesOf(storage, key);
      expect(back?.length).toBe(total);
      const expected: Uint8Array[] = [];
      for await (const piece of piecesOf(total)) expected.push(piece);
      expect(back!.equals(Buffer.concat(expected))).toBe(true);
      extra?.afterBigPut?.();
    });

    it("stores nothing when the body fails halfway", async () => {
      const storage = open();
      const key = userFileKey(user, "exports", "broken.csv");
      await expect(storage.put(key, piecesOf(3 * PART, 256 * 1024, 2 * PART + 1))).rejects.toThrow("the writer broke");
      expect(await storage.get(key)).toBeNull();
      expect(await storage.list(`users/${user}/exports/broken`)).toEqual([]);
      extra?.afterFailedPut?.();
    });
  });
}

let folder = "";
let fake: FakeS3;
const S3 = { bucket: "biosync-test", region: "eu-central-1", accessKeyId: "AKIAFAKEFAKEFAKE", secretAccessKey: "fake-secret-key-of-the-tests" };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "biosync-storage-"));
  fake = await startFakeS3({ bucket: S3.bucket, region: S3.region, accessKeyId: S3.accessKeyId, listPageSize: 2 });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await fake.close();
});

const s3 = (credentials = { accessKeyId: S3.accessKeyId, secretAccessKey: S3.secretAccessKey }) =>
  s3FileStorage({ bucket: S3.bucket, region: S3.region, endpoint: fake.endpoint, credentials, forcePathStyle: true, partBytes: PART });

storageContract("local", () => localFileStorage(folder));
storageContract("S3 (fake)", () => s3(), {
  afterBigPut: () => {
    const recent = fake.operations.slice(-6, -1);
    expect(recent).toEqual(["POST CreateMultipartUpload", "PUT UploadPart", "PUT UploadPart", "PUT UploadPart", "POST CompleteMultipartUpload"]);
    expect(fake.operations.at(-1)).toBe("GET GetObject");
  },
  afterFailedPut: () => {
    expect(fake.operations).toContain("DELETE AbortMultipartUpload");
    expect(fake.openUploads()).toBe(0);
  },
});

describe("S3 storage", () => {
  it("signs every request (SigV4); the fake refuses unsigned ones and other credentials", async () => {
    const before = fake.unsigned;
    expect((await fetch(`${fake.endpoint}/${S3.bucket}/users/x/file.csv`)).status).toBe(403);
    await expect(s3({ accessKeyId: "AKIAOTHER", secretAccessKey: "nope" }).list("users/")).rejects.toThrow();
    expect(fake.unsigned).toBe(before + 2);
  });

  it("lists past a page of keys and deletes them in one DeleteObjects", async () => {
    const storage = s3();
    const prefix = "users/2c5f3a4e-8c1d-4c4e-9a43-5b1c0f6f7a12/";
    for (const n of [1, 2, 3, 4, 5]) await storage.put(`${prefix}f${n}.csv`, of(`${n}`));
    expect(await storage.list(prefix)).toHaveLength(5);
    expect(fake.operations.filter((op) => op === "GET ListObjectsV2").length).toBeGreaterThanOrEqual(3);
    expect(await storage.deletePrefix(prefix)).toBe(5);
    expect(fake.operations.at(-1)).toBe("POST DeleteObjects");
    expect(await storage.list(prefix)).toEqual([]);
  });
});

describe("storage choice", () => {
  it("uses S3 when S3_BUCKET is set, the local folder otherwise", async () => {
    expect(s3StorageFromEnv(parseEnv({}))).toBeNull();
    const chosen = s3StorageFromEnv(
      parseEnv({ S3_BUCKET: S3.bucket, S3_REGION: S3.region, S3_ENDPOINT: fake.endpoint, S3_ACCESS_KEY_ID: S3.accessKeyId, S3_SECRET_ACCESS_KEY: S3.secretAccessKey, S3_FORCE_PATH_STYLE: "1" }),
    );
    expect(chosen?.name).toBe("s3");
    await chosen!.put("users/chosen/a.csv", of("from the environment"));
    expect(fake.objects.get("users/chosen/a.csv")?.body.toString()).toBe("from the environment");
    expect(() => parseEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "AKIA" })).toThrow("S3_SECRET_ACCESS_KEY");
  });
});
