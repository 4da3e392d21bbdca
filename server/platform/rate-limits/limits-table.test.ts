import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import { limitRules, type LimitRule } from "./rules";

const START = "<!-- limits:start (rows checked against server/platform/rate-limits/rules.ts by limits-table.test.ts) -->";
const END = "<!-- limits:end -->";

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function row(rule: LimitRule): string {
  const settings = rule.settings?.map((s) => `\`${s}\``).join(", ") ?? "";
  return `| \`${rule.name}\` | ${rule.scope} | ${rule.points} | ${duration(rule.windowSeconds)} | ${settings} | ${rule.shows} |`;
}

/** The README's limits table for the default settings. */
function expectedTable(): string {
  const rules = Object.values(limitRules(parseEnv({})));
  return ["| rule | per | limit | window | set by | what it covers, and what the user sees |", "|---|---|---|---|---|---|", ...rules.map(row)].join("\n");
}

describe("the README's limits table", () => {
  it("lists every rule of rules.ts with its default limit and window", () => {
    const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md needs the markers ${START} … ${END}`).toBeGreaterThan(-1);
    // On a difference, paste the expected side between the markers.
    expect(readme.slice(start + START.length, end).trim()).toBe(expectedTable());
  });

  it("names each rule once", () => {
    const names = Object.values(limitRules(parseEnv({}))).map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
