/**
 * Issue 8 benchmark: the dashboard page in Chromium for the year user, loaded cold (a fresh browser
 * context each time, signed in): the compressed JavaScript it transfers until the network is idle
 * (CDP `encodedDataLength` of every Script response, headers included; target ≤ 200 kB) and its
 * Largest Contentful Paint (target < 1.0 s), median of LOADS after one warm-up load. The scripts
 * are split by who asked for them: the page's HTML (the first load proper) or code that ran (the
 * sync runtime fetched after hydration, anything imported on demand). The service worker is
 * blocked: once it controls the page, the page fetches the on-demand code for offline use, later.
 * Alone: `npx tsx scripts/bench/dashboard-page.ts` (builds, seeds Postgres, serves, measures).
 */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { benchAppAlone, type BenchApp } from "./app-server";
import { fmt } from "./format";
import { runAlone } from "./run";
import { median } from "./stats";

export const JS_TARGET_KB = 200;
export const LCP_TARGET_MS = 1_000;
const LOADS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface PageLoad {
  scriptKb: number;
  /** Of scriptKb: the scripts that code asked for (dynamic imports), not the HTML. */
  importedKb: number;
  scripts: number;
  /** Scripts that came with a Content-Encoding (gzip or br). */
  compressed: number;
  lcpMs: number;
}

export interface DashboardPageResult {
  database: string;
  loads: PageLoad[];
  scriptKb: number;
  importedKb: number;
  lcpMs: number;
}

async function signedInState(browser: Browser, app: BenchApp): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext({ baseURL: app.baseUrl });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fdashboard");
  await page.getByLabel("Email").fill(app.user.email);
  await page.getByLabel("Password", { exact: true }).fill(app.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The largest contentful paint so far, ms after navigation start (buffered entries). */
const readLcp = () =>
  new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1]?.startTime ?? -1);
    }).observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(() => resolve(-1), 3_000);
  });

async function coldLoad(browser: Browser, app: BenchApp, state: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<PageLoad> {
  const context = await browser.newContext({ baseURL: app.baseUrl, storageState: state, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scriptRequests = new Set<string>();
    const byCode = new Set<string>();
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.initiator.type === "script") byCode.add(e.requestId);
    });
    let compressed = 0;
    let bytes = 0;
    const finished = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => {
      if (e.type !== "Script") return;
      scriptRequests.add(e.requestId);
      if (Object.keys(e.response.headers).some((name) => name.toLowerCase() === "content-encoding")) compressed += 1;
    });
    cdp.on("Network.loadingFinished", (e) => finished.set(e.requestId, e.encodedDataLength));
    await page.goto("/dashboard", { waitUntil: "networkidle" });
    if (new URL(page.url()).pathname !== "/dashboard") throw new Error(`the dashboard redirected to ${page.url()}`);
    // Streamed segments swapped in: the page the user sees.
    await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
    const lcpMs = await page.evaluate(readLcp);
    let imported = 0;
    for (const id of scriptRequests) {
      bytes += finished.get(id) ?? 0;
      if (byCode.has(id)) imported += finished.get(id) ?? 0;
    }
    return { scriptKb: bytes / 1000, importedKb: imported / 1000, scripts: scriptRequests.size, compressed, lcpMs };
  } finally {
    await context.close();
  }
}

export async function benchDashboardPage(app: BenchApp): Promise<DashboardPageResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const state = await signedInState(browser, app);
    await coldLoad(browser, app, state);
    const loads: PageLoad[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, app, state));
    return { database: app.database, loads, scriptKb: median(loads.map((l) => l.scriptKb)), importedKb: median(loads.map((l) => l.importedKb)), lcpMs: median(loads.map((l) => l.lcpMs)) };
  } finally {
    await browser.close();
  }
}

export function dashboardPageRows(r: DashboardPageResult): string {
  return [
    "| page | all JS until idle (compressed) | of it, the HTML's | of it, imported by code | scripts (compressed) | LCP | LCP of each load |",
    "|---|---:|---:|---:|---:|---:|---|",
    `| \`/dashboard\` | **${fmt(r.scriptKb, 1)} kB** | ${fmt(median(r.loads.map((l) => l.scriptKb - l.importedKb)), 1)} kB | ${fmt(r.importedKb, 1)} kB | ${fmt(median(r.loads.map((l) => l.scripts)))} (${fmt(median(r.loads.map((l) => l.compressed)))}) | **${fmt(r.lcpMs)} ms** | ${r.loads.map((l) => fmt(l.lcpMs)).join(", ")} |`,
  ].join("\n");
}

runAlone(import.meta.url, () => benchAppAlone(benchDashboardPage, dashboardPageRows, `≤ ${JS_TARGET_KB} kB, LCP < ${LCP_TARGET_MS} ms`));
