import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateSecretFile } from "./secret";

describe("loadOrCreateSecretFile", () => {
  it("creates a random secret once, readable by the owner only, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "biosync-secret-"));
    const file = path.join(dir, "nested", "auth-secret");
    const first = loadOrCreateSecretFile(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretFile(file)).toBe(first);
    const other = loadOrCreateSecretFile(path.join(dir, "other-secret"));
    expect(other).not.toBe(first);
  });

  it("keeps a secret that is already there", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "biosync-secret-"));
    const file = path.join(dir, "auth-secret");
    writeFileSync(file, "k".repeat(40));
    expect(loadOrCreateSecretFile(file)).toBe("k".repeat(40));
  });
});
