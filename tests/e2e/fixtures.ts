import AxeBuilder from "@axe-core/playwright";
import { test as base, type Browser, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "#db/seed/demo-accounts.ts";

export { expect };

export { DEMO_PASSWORD, demoAccounts };

export type DemoRole = keyof typeof demoAccounts;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Which paths a page has shown, which of them axe has checked, and whether it moved since. */
type ScanLog = {
  visited: Set<string>;
  scanned: Set<string>;
  unscannedNavigation: boolean;
  scriptsDisabled: boolean;
};
const scanLogs = new WeakMap<Page, ScanLog>();

function pathOf(page: Page): string | null {
  const url = new URL(page.url());
  return url.protocol.startsWith("http") ? url.pathname : null;
}

/**
 * axe needs timers, which do not run in a page without JavaScript. There the same URL is
 * loaded with the same cookies in a script-enabled context and scanned instead: the server
 * renders the same HTML. (So on such pages, scan states that a GET can reproduce.)
 */
async function analyzeCopy(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error("cannot open a second context for the axe scan");
  // Explicitly on: Playwright hands the test's options (scripts off) to every new context too.
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: true,
  });
  try {
    const copy = await context.newPage();
    await copy.goto(page.url());
    return await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/** Scans the page as it is right now and fails with one readable line per violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const log = scanLogs.get(page);
  const results = log?.scriptsDisabled
    ? await analyzeCopy(page)
    : await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const path = pathOf(page);
  if (log && path) {
    log.scanned.add(path);
    log.unscannedNavigation = false;
  }
  const problems = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    at ${node.target.join(" ")}`).join("\n");
    return `${violation.id} [${violation.impact ?? "unknown impact"}]: ${violation.help}\n${targets}`;
  });
  expect(problems, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

/** A second person at another device: their own browser context, signed in (by default with the demo password). */
export async function openAs(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext();
  const response = await context.request.post("/login", {
    form: { email, password, redirectTo: "/" },
    headers: { Origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(response.status(), `login as ${email} should redirect`).toBe(302);
  return context.newPage();
}

type Fixtures = {
  /** Signs the page's browser context in as a demo account (no page load, just the cookie). */
  login: (role: DemoRole) => Promise<void>;
  /** Runs on its own: see below. */
  axeGuard: undefined;
};

export const test = base.extend<Fixtures>({
  login: async ({ page, baseURL }, use) => {
    await use(async (role) => {
      const response = await page.request.post("/login", {
        form: { email: demoAccounts[role], password: DEMO_PASSWORD, redirectTo: "/" },
        // The server refuses POSTs from foreign origins; say where this one comes from.
        headers: { Origin: baseURL ?? "" },
        maxRedirects: 0,
      });
      expect(response.status(), `login as ${role} should redirect`).toBe(302);
    });
  },

  /**
   * Makes sure every page a test shows gets an axe scan. Tests call expectAccessible() at the
   * states they care about (error messages, opened disclosures); after the test, the page as it
   * was left is scanned if it navigated since its last scan, and any path that was shown but
   * never scanned (an intermediate page the test passed through) fails the test.
   */
  axeGuard: [
    async ({ page, javaScriptEnabled }, use, testInfo) => {
      const log: ScanLog = {
        visited: new Set(),
        scanned: new Set(),
        unscannedNavigation: false,
        scriptsDisabled: javaScriptEnabled === false,
      };
      scanLogs.set(page, log);
      // Fires for full page loads and for Remix's client-side (history API) navigations alike.
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) return;
        const path = pathOf(page);
        if (!path) return;
        log.visited.add(path);
        log.unscannedNavigation = true;
      });
      await use(undefined);
      // A failed test already has its error; scanning a half-finished page would only add noise.
      if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
      if (log.unscannedNavigation) await expectAccessible(page);
      const missed = [...log.visited].filter((path) => !log.scanned.has(path));
      expect(missed, "pages shown but never scanned with axe (call expectAccessible there)").toEqual([]);
    },
    { auto: true },
  ],
});
