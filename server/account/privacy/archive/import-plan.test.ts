import { getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { totpCredentials } from "@/db/schema/two-factor";
import { userDataTables } from "@/db/schema/registry";
import { decryptSecret } from "@/server/platform/crypto";
import { archiveColumns } from "./columns";
import { importPlan, NIL_UUID, remappedId, remapRow, type RemapContext } from "./import-plan";

const imported = userDataTables.filter((e) => e.import !== "none");
const context = (fromUser: string, toUser: string): RemapContext => ({
  fromUser,
  toUser,
  refuse: (message) => {
    throw new Error(message);
  },
});

describe("the import plan, from the schema's foreign keys", () => {
  it("gives every uuid column of an imported table a role: its own key, a user, or a reference (enforced or declared)", () => {
    for (const entry of imported) {
      const plan = importPlan(entry);
      for (const column of plan.columns.values()) {
        if (column.column.getSQLType() === "uuid") expect(column.role.kind, `${plan.name}.${column.sqlName}`).not.toBe("value");
      }
    }
  });

  it("only nulls references to tables that are not imported where the column allows null", () => {
    for (const entry of imported) {
      for (const column of importPlan(entry).columns.values()) {
        if (column.role.kind === "reference" && !column.role.imported) expect(column.role.nullable, column.sqlName).toBe(true);
      }
    }
  });

  it("maps keys, users and references, keeps the nil origin, and nulls a link to a connection that is not imported", () => {
    const syncRuns = importPlan(userDataTables.find((e) => getTableName(e.table) === "sync_runs")!);
    const from = "4b1e6c1e-3f1c-4c52-9d55-3a8e0e0f6a01";
    const to = "0f6a0e0f-3a8e-4c52-9d55-3f1c4b1e6c1e";
    const old = "7d8a4c1b-2e3f-4a5b-8c9d-0e1f2a3b4c5d";
    const row = remapRow(syncRuns, { id: old, user_id: from, connection_id: old, provider: "demo" }, context(from, to));
    expect(row).toEqual({ id: remappedId(to, "sync_runs", old), user_id: to, connection_id: null, provider: "demo" });
    expect(row.id).not.toBe(old);
    expect(remappedId(to, "sync_runs", old)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const chunks = importPlan(userDataTables.find((e) => getTableName(e.table) === "series_chunks")!);
    expect(remapRow(chunks, { user_id: from, origin: NIL_UUID }, context(from, to))).toEqual({ user_id: to, origin: NIL_UUID });
    expect(remapRow(chunks, { user_id: from, origin: old }, context(from, to))).toEqual({ user_id: to, origin: remappedId(to, "raw_records", old) });
    expect(() => remapRow(chunks, { user_id: old }, context(from, to))).toThrow(/names an account other than the one exported/);
  });

  it("holds an encrypted column (*_enc) decrypted under its plain name, and encrypts it again on import", () => {
    const entry = { ...userDataTables.find((e) => e.table === totpCredentials)!, exportOmit: [] };
    const columns = archiveColumns(entry);
    expect(columns.find((c) => c.sqlName === "secret_enc")).toMatchObject({ field: "secret", encrypted: true });
    const from = "4b1e6c1e-3f1c-4c52-9d55-3a8e0e0f6a01";
    const row = remapRow(importPlan(entry), { user_id: from, secret: "JBSWY3DPEHPK3PXP" }, context(from, from));
    expect(row.secret_enc).toMatch(/^v1\./);
    expect(decryptSecret(row.secret_enc as string)).toBe("JBSWY3DPEHPK3PXP");
    expect(getTableConfig(entry.table).columns.map((c) => c.name)).toContain("secret_enc");
  });
});
