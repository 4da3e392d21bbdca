import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";

describe("csvLine", () => {
  it("writes nulls empty, JSON for objects and arrays, and quotes what needs it, so a CSV reader gets the values back", () => {
    const values = [null, 42, true, "plain", 'say "hi", then\nleave', " padded", { a: [1, "b"] }, [1.5, 2]];
    const line = csvLine(values);
    expect(line.endsWith("\r\n")).toBe(true);
    const [parsed] = parse(line) as string[][];
    expect(parsed).toEqual(["", "42", "true", "plain", 'say "hi", then\nleave', " padded", '{"a":[1,"b"]}', "[1.5,2]"]);
  });
});
