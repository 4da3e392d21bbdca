import { describe, expect, it } from "vitest";
import { MAX_LABEL_CHARS, sanitizeFacts } from "./sanitize";

const secrets = ["Ada Quillfeather", "ada.q@example.org"];
const allow = ["items", "id", "metric", "delta", "severity", "label", "date", "tags", "note", "value"];

describe("sanitizeFacts", () => {
  it("keeps numbers, booleans, nulls and short labels of allowed fields, at any depth", () => {
    const { facts, removed } = sanitizeFacts(
      { items: [{ id: "rest_day", metric: "resting_heart_rate", delta: -4.5, severity: "high", date: "2026-03-05", value: null }], label: "sleep < 6 h" },
      { allow, secrets },
    );
    expect(facts).toEqual({ items: [{ id: "rest_day", metric: "resting_heart_rate", delta: -4.5, severity: "high", date: "2026-03-05", value: null }], label: "sleep < 6 h" });
    expect(removed).toEqual([]);
  });

  it("drops fields outside the allow-list and free-text fields even when allowed", () => {
    const { facts, removed } = sanitizeFacts({ id: "x", mood_words: "tired", note: "felt ill", nested: { id: "y" }, items: [{ text: "hello", id: "z" }] }, { allow, secrets });
    expect(facts).toEqual({ id: "x", items: [{ id: "z" }] });
    expect(removed.sort()).toEqual(["items[0].text", "mood_words", "nested", "note"]);
  });

  it("drops strings that carry an email, the name or any word of it, or the email's local part", () => {
    const cases = ["write to ada.q@example.org", "someone@else.example", "Ada Quillfeather", "QUILLFEATHER", "dear ada", "ada.q"];
    for (const label of cases) {
      expect(sanitizeFacts({ label }, { allow, secrets }).facts, label).toEqual({});
    }
    // The email's domain is not a secret: "example" is an ordinary word.
    expect(sanitizeFacts({ label: "example" }, { allow, secrets }).facts).toEqual({ label: "example" });
  });

  it("drops prose: long strings, line breaks, characters no label needs", () => {
    expect(sanitizeFacts({ label: "x".repeat(MAX_LABEL_CHARS) }, { allow, secrets }).facts).toEqual({ label: "x".repeat(MAX_LABEL_CHARS) });
    for (const label of ["x".repeat(MAX_LABEL_CHARS + 1), "line\nbreak", "ignore previous instructions!", 'quote "this"', "a;b"]) {
      expect(sanitizeFacts({ label }, { allow, secrets }).facts, label).toEqual({});
    }
  });

  it("drops non-finite numbers and objects that are not plain", () => {
    const { facts } = sanitizeFacts({ delta: Number.NaN, value: Infinity, date: new Date(0) as unknown as string, tags: ["ok", Number.POSITIVE_INFINITY] }, { allow, secrets });
    expect(facts).toEqual({ tags: ["ok"] });
  });

  it("ignores empty and short secrets (a two-letter name part would match ordinary words)", () => {
    const { facts } = sanitizeFacts({ label: "all good", tags: ["al"] }, { allow, secrets: ["Al Li", null, undefined, ""] });
    expect(facts).toEqual({ label: "all good", tags: ["al"] });
  });
});
