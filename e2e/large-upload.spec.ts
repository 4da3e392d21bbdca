import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { syntheticAppleExport } from "../server/health/imports/testing/synthetic-apple-export";
import { expect, registerAndSignInApi, test, uniqueEmail } from "./support";

const TARGET_BYTES = 300 * 1024 * 1024;

test("imports: a 300 MB export.xml is stored whole over HTTP, byte for byte, and its import job succeeds", async ({ request }) => {
  test.setTimeout(420_000);
  const dir = path.resolve(".data/e2e-tmp");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `export-${process.pid}-${Date.now()}.xml`);
  try {
    const { chunks } = syntheticAppleExport(TARGET_BYTES);
    await pipeline(Readable.from(chunks), createWriteStream(file));
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThanOrEqual(TARGET_BYTES);
    const sha256 = createHash("sha256").update(bytes).digest("hex");

    await registerAndSignInApi(request, uniqueEmail("big-upload"));
    const response = await request.post("/api/imports?filename=export.xml", {
      data: bytes,
      // The import job of this file starts at once on the same server and holds its thread for a
      // while (embedded PGlite): an uncompressed answer is written whole before it starts.
      headers: { "content-type": "application/octet-stream", "x-request-id": "large-upload-e2e", "accept-encoding": "identity" },
      timeout: 150_000,
    });
    expect(response.status(), await response.text()).toBe(202);
    // The route is outside proxy.ts, yet still answers with the caller's request id.
    expect(response.headers()["x-request-id"]).toBe("large-upload-e2e");
    // The import row as stored (the route answers with the row its UPDATE … RETURNING gave back).
    const uploaded = (await response.json()) as { import: { id: string; sizeBytes: number; contentHash: string; kind: string; status: string }; duplicate: boolean };
    expect(uploaded).toMatchObject({ duplicate: false, import: { id: expect.any(String), kind: "apple_xml", status: "queued", sizeBytes: bytes.length, contentHash: sha256 } });

    // The import job runs through to the end on the same server (so no later test shares it with the job).
    const input = encodeURIComponent(JSON.stringify({ json: { id: uploaded.import.id } }));
    await expect
      .poll(
        async () => {
          const answer = await request.get(`/api/trpc/imports.get?input=${input}`, { timeout: 30_000 }).catch(() => null);
          if (!answer?.ok()) return "unreachable";
          return ((await answer.json()) as { result: { data: { json: { status: string } } } }).result.data.json.status;
        },
        { timeout: 360_000, intervals: [2_000] },
      )
      .toBe("succeeded");
  } finally {
    await rm(file, { force: true });
  }
});
