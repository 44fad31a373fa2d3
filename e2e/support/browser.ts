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
