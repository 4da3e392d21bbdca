import { describe, expect, it } from "vitest";
import { ADMIN_SECTIONS, NAV_ITEMS, isActivePath, navSections } from "./nav";

describe("navigation config", () => {
  it("shows only groups that have pages, in PRODUCT.md order", () => {
    expect(navSections().map((section) => section.label)).toEqual(["Today", "Body", "Insights", "Account"]);
    expect(navSections()[1]!.items.map((item) => item.label)).toEqual(["Sleep", "Heart", "Activity", "Trends"]);
  });

  it("places a new item in its group with one line", () => {
    const items = [...NAV_ITEMS, { ...NAV_ITEMS[0]!, href: "/habits", label: "Habits", group: "life" as const }];
    expect(navSections(items).map((section) => section.label)).toEqual(["Today", "Body", "Insights", "Life", "Account"]);
  });

  it("marks a link current on its page and the pages beneath it", () => {
    expect(isActivePath("/settings/profile", { href: "/settings" })).toBe(true);
    expect(isActivePath("/settingsx", { href: "/settings" })).toBe(false);
    const overview = ADMIN_SECTIONS[0]!.items[0]!;
    expect(isActivePath("/admin", overview)).toBe(true);
    expect(isActivePath("/admin/jobs", overview)).toBe(false);
  });
});
