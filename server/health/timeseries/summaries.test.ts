import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { AppError } from "../../errors";
import { rejectionOf } from "../../testing";
import { MAX_SUMMARY_RANGE_DAYS, summariesBetween } from "./summaries";

const handle = withTestDb();

const fieldsOf = async (from: string, to: string) => (await rejectionOf(summariesBetween(handle.db, randomUUID(), from, to), AppError)).fields?.map((f) => f.path);

describe("summariesBetween: the range rule, for every caller", () => {
  it("reads up to MAX_SUMMARY_RANGE_DAYS days and refuses one more, on `to`", async () => {
    expect(MAX_SUMMARY_RANGE_DAYS).toBe(400);
    await expect(summariesBetween(handle.db, randomUUID(), "2025-01-01", "2026-02-05")).resolves.toEqual([]);
    expect(await fieldsOf("2025-01-01", "2026-02-06")).toEqual(["to"]);
  });

  it("refuses an end before the start and dates that are not YYYY-MM-DD days", async () => {
    expect(await fieldsOf("2026-06-10", "2026-06-01")).toEqual(["to"]);
    expect(await fieldsOf("2026-02-30", "2026-03-01")).toEqual(["from"]);
    expect(await fieldsOf("2026-03-01", "soon")).toEqual(["to"]);
  });
});
