import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local fake of the S3 REST API (path-style addressing), for the S3 storage's tests: PutObject,
 * GetObject, DeleteObject, DeleteObjects, ListObjectsV2 and multipart uploads, answering with the
 * XML S3 documents. Every request must carry SigV4 headers for the expected access key.
 */

export interface FakeS3Options {
  bucket: string;
  accessKeyId: string;
  region: string;
  /** Keys per ListObjectsV2 page (S3: 1000), small in tests to exercise continuation. */
  listPageSize?: number;
  /** Smallest part but the last that CompleteMultipartUpload accepts (S3: 5 MiB). */
  minPartBytes?: number;
}

export interface FakeS3 {
  endpoint: string;
  objects: Map<string, { body: Buffer; contentType: string | null }>;
  /** `<METHOD> <operation>` of each accepted request, in order. */
  operations: string[];
  /** Requests refused for missing or wrong SigV4 headers. */
  unsigned: number;
  /** Multipart uploads started and not completed or aborted. */
  openUploads(): number;
  close(): Promise<void>;
}

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}$/;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlUnescape = (text: string) =>
  text.replace(/&(#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => (e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e]!));
const etagOf = (body: Buffer) => `"${createHash("md5").update(body).digest("hex")}"`;
const tagValues = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => xmlUnescape(m[1]!));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const objects: FakeS3["objects"] = new Map();
  const uploads = new Map<string, { key: string; parts: Map<number, Buffer> }>();
  const operations: string[] = [];
  const pageSize = options.listPageSize ?? 1000;
  const minPart = options.minPartBytes ?? 5 * 1024 * 1024;
  const state = { unsigned: 0 };

  const send = (res: ServerResponse, status: number, body: string | Buffer = "", headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-length": String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const xml = (res: ServerResponse, body: string, status = 200) => send(res, status, `${XML_HEAD}${body}`, { "content-type": "application/xml" });
  const error = (res: ServerResponse, status: number, code: string, message: string) => xml(res, `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`, status);

  function signed(req: IncomingMessage): boolean {
    const match = SIGV4.exec(String(req.headers.authorization ?? ""));
    if (!match || match[1] !== options.accessKeyId || match[3] !== options.region) return false;
    const signedHeaders = match[4]!.split(";");
    return ["host", "x-amz-date", "x-amz-content-sha256"].every((h) => signedHeaders.includes(h) && req.headers[h] !== undefined);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!signed(req)) {
      state.unsigned += 1;
      return error(res, 403, "SignatureDoesNotMatch", "The request carries no valid AWS Signature Version 4.");
    }
    if (String(req.headers["x-amz-content-sha256"]).startsWith("STREAMING-")) return error(res, 400, "NotImplemented", "aws-chunked bodies are not accepted");
    const url = new URL(req.url ?? "/", "http://fake");
    const [, bucket, ...rest] = url.pathname.split("/");
    if (bucket !== options.bucket) return error(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    const key = decodeURIComponent(rest.join("/"));
    const q = url.searchParams;
    const op = (name: string) => operations.push(`${req.method} ${name}`);
    const body = await readBody(req);

    if (!key) {
      if (req.method === "GET" && q.get("list-type") === "2") {
        op("ListObjectsV2");
        const prefix = q.get("prefix") ?? "";
        const all = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const start = q.get("continuation-token") ? Number(Buffer.from(q.get("continuation-token")!, "base64url").toString()) : 0;
        const page = all.slice(start, start + pageSize);
        const truncated = start + pageSize < all.length;
        const contents = page
          .map((k) => `<Contents><Key>${xmlEscape(k)}</Key><Size>${objects.get(k)!.body.length}</Size><ETag>${xmlEscape(etagOf(objects.get(k)!.body))}</ETag><StorageClass>STANDARD</StorageClass></Contents>`)
          .join("");
        const next = truncated ? `<NextContinuationToken>${Buffer.from(String(start + pageSize)).toString("base64url")}</NextContinuationToken>` : "";
        return xml(res, `<ListBucketResult ${NS}><Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${pageSize}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`);
      }
      if (req.method === "POST" && q.has("delete")) {
        op("DeleteObjects");
        const keys = tagValues(body.toString("utf8"), "Key");
        for (const k of keys) objects.delete(k);
        return xml(res, `<DeleteResult ${NS}>${q.has("quiet") ? "" : keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join("")}</DeleteResult>`);
      }
      return error(res, 400, "NotImplemented", `${req.method} on the bucket is not faked`);
    }

    if (req.method === "POST" && q.has("uploads")) {
      op("CreateMultipartUpload");
      const uploadId = randomUUID();
      uploads.set(uploadId, { key, parts: new Map() });
      return xml(res, `<InitiateMultipartUploadResult ${NS}><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
    }
    const uploadId = q.get("uploadId");
    if (uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload || upload.key !== key) return error(res, 404, "NoSuchUpload", "The specified multipart upload does not exist.");
      if (req.method === "PUT") {
        op("UploadPart");
        const part = Number(q.get("partNumber"));
        if (!Number.isInteger(part) || part < 1 || part > 10_000) return error(res, 400, "InvalidArgument", "Part number must be an integer between 1 and 10000");
        upload.parts.set(part, body);
        return send(res, 200, "", { etag: etagOf(body) });
      }
      if (req.method === "POST") {
        op("CompleteMultipartUpload");
        const numbers = tagValues(body.toString("utf8"), "PartNumber").map(Number);
        const etags = tagValues(body.toString("utf8"), "ETag");
        const parts = numbers.map((n, i) => ({ n, data: upload.parts.get(n), etag: etags[i] }));
        if (parts.some((p, i) => !p.data || p.etag !== etagOf(p.data) || (i > 0 && p.n <= parts[i - 1]!.n))) return error(res, 400, "InvalidPart", "A part is missing, out of order or has another ETag.");
        if (parts.slice(0, -1).some((p) => p.data!.length < minPart)) return error(res, 400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
        const whole = Buffer.concat(parts.map((p) => p.data!));
        objects.set(key, { body: whole, contentType: null });
        uploads.delete(uploadId);
        return xml(res, `<CompleteMultipartUploadResult ${NS}><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(etagOf(whole))}</ETag></CompleteMultipartUploadResult>`);
      }
      if (req.method === "DELETE") {
        op("AbortMultipartUpload");
        uploads.delete(uploadId);
        return send(res, 204);
      }
    }
    if (req.method === "PUT") {
      op("PutObject");
      objects.set(key, { body, contentType: req.headers["content-type"] ?? null });
      return send(res, 200, "", { etag: etagOf(body) });
    }
    if (req.method === "GET") {
      op("GetObject");
      const object = objects.get(key);
      if (!object) return error(res, 404, "NoSuchKey", "The specified key does not exist.");
      return send(res, 200, object.body, { "content-type": object.contentType ?? "binary/octet-stream", etag: etagOf(object.body), "last-modified": new Date().toUTCString() });
    }
    if (req.method === "DELETE") {
      op("DeleteObject");
      objects.delete(key);
      return send(res, 204);
    }
    return error(res, 400, "NotImplemented", `${req.method} is not faked`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((failure: unknown) => error(res, 500, "InternalError", String(failure)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    operations,
    get unsigned() {
      return state.unsigned;
    },
    openUploads: () => uploads.size,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
