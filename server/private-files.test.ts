import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db";
import { loadOrCreateSecretFile } from "./account/auth/secret";
import { readOrCreateLocalSecret } from "./local-secret";
import { restrictToOwner } from "./private-files";

const root = mkdtempSync(path.join(tmpdir(), "biosync-modes-"));

/** Every entry under `dir` (itself included) that is not a 0700 directory or a 0600 file, as "<mode> <path>". */
function loose(dir: string): string[] {
  const found: string[] = [];
  const visit = (entry: string) => {
    const stat = statSync(entry);
    const mode = stat.mode & 0o777;
    if (mode !== (stat.isDirectory() ? 0o700 : 0o600)) found.push(`${mode.toString(8)} ${path.relative(root, entry)}`);
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return found;
}

beforeAll(() => {
  // Read once, on first use: before anything asks for the data directory.
  vi.stubEnv("DATA_DIR", path.join(root, "data"));
});
afterAll(() => vi.unstubAllEnvs());

describe("private data files", () => {
  it("an embedded database directory, opened and migrated, is 0700 with every file 0600", async () => {
    const dir = path.join(root, "pglite");
    const handle = await openDatabase(`pglite://${dir}`);
    try {
      await handle.migrate();
      expect(readdirSync(dir).length).toBeGreaterThan(0);
      expect(loose(dir)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("reopening a database whose files were left open to others restricts them again", async () => {
    const dir = path.join(root, "pglite");
    chmodSync(dir, 0o777);
    chmodSync(path.join(dir, "PG_VERSION"), 0o666);
    const handle = await openDatabase(`pglite://${dir}`);
    await handle.close();
    expect(loose(dir)).toEqual([]);
  });

  it("restrictToOwner reports what it fixed and whether a directory was open to others", () => {
    const dir = path.join(root, "tree");
    mkdirSync(path.join(dir, "inner"), { recursive: true });
    writeFileSync(path.join(dir, "inner", "file"), "x", { mode: 0o666 });
    chmodSync(path.join(dir, "inner", "file"), 0o666);
    chmodSync(dir, 0o755);
    const report = restrictToOwner(dir);
    expect(report.wasExposed).toBe(true);
    expect(report.fixed.map((p) => path.relative(dir, p)).sort()).toEqual(["", "inner", "inner/file"].sort());
    expect(loose(dir)).toEqual([]);
    expect(restrictToOwner(dir)).toEqual({ fixed: [], wasExposed: false });
  });

  it("secrets are created in a 0700 directory, 0600 themselves", () => {
    loadOrCreateSecretFile(path.join(root, "secrets", "auth-secret"));
    expect(loose(path.join(root, "secrets"))).toEqual([]);
    readOrCreateLocalSecret("token-encryption-key", () => "local:key");
    expect(loose(path.join(root, "data"))).toEqual([]);
  });
});
