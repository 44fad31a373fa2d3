import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Screenshots go to /tmp/e2e-<name>.png so a person can look at them after a run. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/e2e-${name}.png`, fullPage: true });
}

/** The language the app is showing now (the lang attribute the app keeps on <html>). */
const shownLocale = (page: Page) => page.evaluate(() => document.documentElement.lang);

/**
 * Shows the page in another language without touching the account: the app follows a language
 * chosen in another tab (a `storage` event on its language key), which is what this imitates.
 */
export async function showIn(page: Page, locale: 'en' | 'ar' | 'fr'): Promise<void> {
  await page.evaluate((l) => {
    window.dispatchEvent(new StorageEvent('storage', { key: 'sanad.locale', newValue: l }));
  }, locale);
  await page.waitForFunction(
    (l) =>
      document.documentElement.lang === l && document.documentElement.dir === (l === 'ar' ? 'rtl' : 'ltr'),
    locale,
  );
  // let React and Mantine finish the re-render (and any transition) before anyone looks
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250)))),
  );
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}) at ${n.target.map(String).join(' ')}: ${v.help}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      ),
    );
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page as shown, then again in English and in Arabic
 * (whichever of them is not the language shown), and back; fails listing every serious or
 * critical violation with where it is and what it breaks. While fixing many at once,
 * A11Y_SOFT=<file> appends them to that file instead of failing, so one run lists them all.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const original = (await shownLocale(page)) as 'en' | 'ar' | 'fr';
  const found: string[] = [];
  const check = async (locale: string) => {
    for (const v of await axeViolations(page)) found.push(`[${label} · ${locale}] ${v}`);
  };
  await check(original);
  const others = (['en', 'ar'] as const).filter((l) => l !== original);
  for (const l of others) {
    await showIn(page, l);
    await check(l);
  }
  if (others.length > 0) await showIn(page, original);
  if (process.env.A11Y_SOFT && found.length > 0) {
    (await import('node:fs')).appendFileSync(process.env.A11Y_SOFT, `${found.join('\n')}\n`);
    return;
  }
  if (found.length > 0) throw new Error(`Accessibility violations:\n${found.join('\n')}`);
}

/**
 * Adds the page's console errors to `errors` (beside its uncaught errors, which journeys collect
 * already). A refused request (4xx) the journey provokes on purpose is logged by Chromium as
 * "Failed to load resource": that one is the journey's own business, not an error of the page.
 */
export function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    // a journey that takes the line away on purpose (context.setOffline) sees its requests fail
    if (/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(text)) return;
    errors.push(`console: ${text}`);
  });
}
