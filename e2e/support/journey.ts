// What every journey does with the browser: a page on the server that reports its errors, picking
// from a Mantine select, and the sign-in form.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchConsole } from './browser.ts';

export const DESKTOP = { width: 1366, height: 768 };

export interface Account {
  username: string;
  password: string;
}

/** A fresh context (its own cookies) and page at desktop size; uncaught and console errors go to `errors`. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  errors: string[],
  timeout = 15_000,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  watchConsole(page, errors);
  return { context, page };
}

/** Picks an option of a Mantine Select / MultiSelect whose input has this test id, typing to narrow it. */
export async function choose(page: Page, testId: string, optionName: string, type?: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: optionName, exact: true }).click();
}

/** Fills the sign-in form the page shows and submits it; the caller waits for what follows. */
export async function submitSignIn(page: Page, account: Account): Promise<void> {
  await page.getByTestId('username').fill(account.username);
  await page.getByTestId('password').fill(account.password);
  await page.getByTestId('sign-in-submit').click();
}

/** Signs in from the sign-in page shown, and waits for the home page. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await submitSignIn(page, account);
  await page.getByTestId('home').waitFor();
}
