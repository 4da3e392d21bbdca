import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fileImportChunks, fileImports, rawRecords } from "@/db/schema";
import { userDataTables } from "@/db/schema/registry";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { archiveColumns } from "./columns";
import { insertStatement } from "./import";
import { archiveRowPages, type ArchiveRow } from "./table-walk";

const testDb = withTestDb();

async function rowsOf(entry: (typeof userDataTables)[number], userId: string): Promise<ArchiveRow[]> {
  const out: ArchiveRow[] = [];
  for await (const page of archiveRowPages(testDb.db, entry, userId)) out.push(...page);
  return out;
}

describe("rows as the archive holds them", () => {
  it("bring bytea, jsonb, arrays and microsecond timestamps back unchanged", async () => {
    const { id: userId } = await createUser(testDb.db, { email: `types-${randomUUID()}@example.com`, verified: true });
    const [upload] = await testDb.db.insert(fileImports).values({ userId, kind: "apple_zip", filename: "export.zip" }).returning();
    const bytes = Buffer.concat([Buffer.from([0, 1, 0x5c, 0x78, 255]), randomBytes(4096)]);
    await testDb.db.insert(fileImportChunks).values({ importId: upload!.id, seq: 0, data: bytes });
    const payload = { text: "naïve \"quoted\" \\x00 ✓", nested: [{ n: 1.5e-7 }, null, "x"], empty: {} };
    await testDb.db.insert(rawRecords).values({ userId, source: "demo", recordType: "daily", recordId: "r1", payload, contentHash: "h", revisionAt: new Date("2026-01-02T03:04:05.678Z") });
    await testDb.db.update(rawRecords).set({ receivedAt: sql`'2026-01-02 03:04:05.123456+00'::timestamptz` }).where(eq(rawRecords.userId, userId));

    // The upload's pieces are not exported; rendered the same way they must still come back byte for byte.
    const chunks = { ...userDataTables.find((e) => e.table === fileImportChunks)!, export: "rows" as const };
    const raw = userDataTables.find((e) => e.table === rawRecords)!;
    for (const entry of [chunks, raw]) {
      const rows = await rowsOf(entry, userId);
      expect(rows).toHaveLength(1);
      const columns = archiveColumns(entry).map((c) => c.sqlName);
      await testDb.db.delete(entry.table).where(eq(entry.owner, entry === chunks ? upload!.id : userId));
      await testDb.db.execute(insertStatement(entry, columns, JSON.parse(JSON.stringify(rows)) as ArchiveRow[]));
      expect(await rowsOf(entry, userId)).toEqual(rows);
    }
    const [chunk] = await testDb.db.select().from(fileImportChunks).where(eq(fileImportChunks.importId, upload!.id));
    expect(Buffer.compare(chunk!.data, bytes)).toBe(0);
    const [record] = await testDb.db.select().from(rawRecords).where(eq(rawRecords.userId, userId));
    expect(record!.payload).toEqual(payload);
    expect((await rowsOf(raw, userId))[0]!.received_at).toBe("2026-01-02T03:04:05.123456+00:00");
  });
});
