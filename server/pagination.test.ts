import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, paginationInput, toKeyPage } from "./pagination";

const ID = "0b7a3c1e-5d2f-4a6b-9c8d-7e6f5a4b3c2d";

describe("key cursors", () => {
  it("round-trip keys and id, and page after the last row of a page", () => {
    const cursor = encodeKeyCursor([1, 0.0123], ID);
    expect(decodeKeyCursor(cursor, 2)).toEqual({ keys: [1, 0.0123], id: ID });
    const rows = [
      { id: "a", rank: 1 },
      { id: "b", rank: 2 },
      { id: "c", rank: 3 },
    ];
    // limit 2 of 3 fetched rows: the page is a, b and the cursor points at b.
    const page = toKeyPage(rows, 2, (r) => [r.rank]);
    expect(page.items.map((r) => r.id)).toEqual(["a", "b"]);
    expect(JSON.parse(Buffer.from(page.nextCursor!, "base64url").toString())).toEqual({ k: [2], id: "b" });
    expect(toKeyPage(rows, 3, (r) => [r.rank]).nextCursor).toBeNull();
  });

  it("are accepted by the shared input beside time cursors, and refused with the field otherwise", () => {
    expect(paginationInput.safeParse({ cursor: encodeKeyCursor([0], ID) }).success).toBe(true);
    expect(paginationInput.safeParse({ cursor: encodeCursor(new Date("2026-06-01T00:00:00Z"), ID) }).success).toBe(true);
    for (const bad of [Buffer.from(JSON.stringify({ k: ["1"], id: ID })).toString("base64url"), Buffer.from(JSON.stringify({ k: [1], id: "x" })).toString("base64url"), "%%%"]) {
      expect(paginationInput.safeParse({ cursor: bad }).success).toBe(false);
    }
    // A cursor of the other kind, or with the wrong number of keys, reaching a list is a 400 naming `cursor`.
    expect(() => decodeKeyCursor(encodeKeyCursor([1], ID), 2)).toThrow(AppError);
    expect(() => decodeCursor(encodeKeyCursor([1], ID))).toThrow(AppError);
    expect(() => decodeKeyCursor(encodeCursor(new Date("2026-06-01T00:00:00Z"), ID), 1)).toThrow(AppError);
    // A cursor of a list keyed by fractions (correlations: q values) reaching a list keyed by whole numbers.
    expect(() => decodeKeyCursor(encodeKeyCursor([1, 0.0123], ID), 2, { integers: true })).toThrow(AppError);
    expect(decodeKeyCursor(encodeKeyCursor([-20_000, 3], ID), 2, { integers: true })).toEqual({ keys: [-20_000, 3], id: ID });
  });
});
