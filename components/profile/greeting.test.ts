import { describe, expect, it } from "vitest";
import { firstName, greetingFor } from "./greeting";

describe("greetingFor", () => {
  const noonUtc = new Date("2025-06-01T12:00:00Z");
  it("uses the hour in the user's time zone", () => {
    expect(greetingFor(noonUtc, "UTC")).toBe("Good afternoon");
    expect(greetingFor(noonUtc, "Asia/Tokyo")).toBe("Good evening");
    expect(greetingFor(noonUtc, "America/Los_Angeles")).toBe("Good morning");
  });
});

describe("firstName", () => {
  it("takes the first word or nothing", () => {
    expect(firstName(" Ada  Lovelace")).toBe("Ada");
    expect(firstName("   ")).toBeNull();
    expect(firstName(null)).toBeNull();
  });
});
