// Work is never lost: a caseworker fills the registration form, is warned before the session
// ends and stays signed in; later the session does end, Save asks for the password in a dialog on
// the same page, and the registration goes through with what was typed. Offline, a list says so
// instead of spinning; on a phone the header fits and the user menu opens; back links go back.
// The server runs with a 40-second idle timeout (the warning shows in the last 20 seconds).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const IDLE_SECONDS = 40;
const CASEWORKER = { username: 'cw.session', password: 'Caseworker-session-2026' };
const VIEWER = { username: 'viewer.session', password: 'Viewer-session-2026' };
const CENTRE = { name: 'Ganfouda', nameAr: 'قنفودة', type: 'detention', capacity: 300, location: 'Benghazi' };
const PERSON = { given: 'Yohannes', family: 'Tesfamariam', original: 'ዮሃንስ ተስፋማርያም' };
/** long enough for the warning (20 s), then the end (40 s), on a busy machine */
const SESSION_WAIT = { timeout: 120_000 };

let server: RunningServer;
let admin: ApiSession;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let centreId = '';
const pageErrors: string[] = [];
const visited: string[] = [];

describe('session and shell journey', () => {
  beforeAll(async () => {
    server = await startServer({ env: { SANAD_IDLE_TIMEOUT: String(IDLE_SECONDS) } });
    admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    centreId = (await admin.post<{ id: string }>('/centres', CENTRE)).id;
    const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
    await admin.addUser(CASEWORKER, {
      displayName: 'Session caseworker',
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'caseworker', centreIds: [centreId] }],
    });
    await admin.addUser(VIEWER, {
      displayName: 'Session viewer',
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'viewer', centreIds: [] }],
    });

    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors, 20_000));
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) visited.push(f.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('fills the registration form, is warned before the session ends, and stays signed in', async () => {
    await page.goto('/');
    await signIn(page, CASEWORKER);
    await page.getByTestId('nav-module-registry').click();
    await page.getByTestId('register-person').click();
    await page.getByTestId('registration-form').waitFor();
    await page.getByTestId('given-name').fill(PERSON.given);
    await page.getByTestId('family-name').fill(PERSON.family);
    await page.getByTestId('full-name-original').fill(PERSON.original);
    await page.getByLabel(en.person.sexes.male, { exact: true }).check();
    await page.getByTestId('birth-date').fill('1993-07-21');
    await choose(page, 'nationality', 'Sudan (SDN)', 'Sud');
    await choose(page, 'languages', 'Arabic', 'Arab');
    await page.keyboard.press('Escape');
    await page.getByTestId('duplicates-none').waitFor();

    // nothing more is typed: the warning comes, with a countdown and "stay signed in"
    await page.getByTestId('session-warning').waitFor(SESSION_WAIT);
    await page.getByTestId('session-countdown').waitFor();
    await snap(page, 'session-01-warning');
    await expectAccessible(page, 'session-01-warning');
    await page.getByTestId('stay-signed-in').click();
    // the refresh's answer moved the expiry: no warning until the last 20 seconds again
    await page.getByTestId('session-warning').waitFor({ state: 'hidden' });
  });

  it('lets the session end, then saves after signing in again in a dialog on the same page', async () => {
    await page.getByTestId('session-ended').waitFor(SESSION_WAIT);
    // the server agrees: the session is gone
    expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(401);
    await snap(page, 'session-02-ended');
    await expectAccessible(page, 'session-02-ended');
    const formUrl = page.url();
    expect(formUrl).toMatch(/\/registry\/new$/);

    visited.length = 0; // from here on, the page must never go to the sign-in page
    await page.getByTestId('save').click();
    const dialog = page.getByTestId('reauth-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('reauth-username').inputValue()).toBe(CASEWORKER.username);
    // the form is still there under the dialog, with what was typed
    expect(page.url()).toBe(formUrl);
    expect(await page.getByTestId('given-name').inputValue()).toBe(PERSON.given);
    await snap(page, 'session-03-dialog');
    await expectAccessible(page, 'session-03-dialog');

    await page.getByTestId('reauth-password').fill('not the password');
    await page.getByTestId('reauth-submit').click();
    await page.getByTestId('reauth-error').waitFor();
    await page.getByTestId('reauth-password').fill(CASEWORKER.password);
    await page.getByTestId('reauth-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    // the save that met the expired session went through: the new record, with the typed values
    await page.waitForURL(/\/persons\/[0-9a-f-]+/, { timeout: 30_000 });
    await page.getByText(PERSON.family).first().waitFor();
    expect(visited.filter((u) => u.includes('/sign-in'))).toEqual([]);
    const caseworker = new ApiSession(server.url);
    await caseworker.signIn(CASEWORKER.username, CASEWORKER.password);
    const found = await caseworker.get<{
      items: { givenName: string; familyName: string; birthDate: string }[];
    }>(`/persons?q=${encodeURIComponent(PERSON.family)}`);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      givenName: PERSON.given,
      familyName: PERSON.family,
      birthDate: '1993-07-21',
    });
    // nothing typed was kept in the browser's storage in clear
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(PERSON.family);
    expect(stored).not.toContain(PERSON.given);
    await snap(page, 'session-04-saved');
    await expectAccessible(page, 'session-04-saved');
  });

  it('keeps the form when a save fails offline, and saves it once back online', async () => {
    await page.getByTestId('nav-module-registry').click();
    await page.getByTestId('register-person').click();
    await page.getByTestId('registration-form').waitFor();
    await page.getByTestId('given-name').fill('Selam');
    await page.getByTestId('family-name').fill('Gebremedhin');
    await page.getByLabel(en.person.sexes.female, { exact: true }).check();
    await choose(page, 'nationality', 'Sudan (SDN)', 'Sud');
    await page.getByTestId('duplicates-none').waitFor();
    await context.setOffline(true);
    await page.getByTestId('save').click();
    const failed = page.getByTestId('registration-form').getByTestId('offline-error');
    await failed.waitFor();
    expect(await failed.textContent()).toContain(en.offline.saveBody);
    await page.getByTestId('offline-banner').waitFor();
    expect(page.url()).toMatch(/\/registry\/new$/);
    expect(await page.getByTestId('given-name').inputValue()).toBe('Selam');
    expect(await page.getByTestId('family-name').inputValue()).toBe('Gebremedhin');
    await snap(page, 'session-05a-offline-save');
    await expectAccessible(page, 'session-05a-offline-save');
    await context.setOffline(false);
    await page.getByTestId('save').click();
    await page.waitForURL(/\/persons\/[0-9a-f-]+/);
    await page.getByText('Gebremedhin').first().waitFor();
  });

  it('says "you are offline" on a list instead of spinning, and loads it when back online', async () => {
    await context.setOffline(true);
    await page.getByTestId('nav-centres').click();
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId('offline-error').waitFor();
    expect(await page.getByTestId('offline-error').textContent()).toContain(en.offline.title);
    await snap(page, 'session-05-offline');
    await expectAccessible(page, 'session-05-offline');
    await context.setOffline(false);
    await page.getByTestId('offline-error').getByRole('button', { name: en.common.retry }).click();
    await page.getByTestId('centre-row').first().waitFor();
    await page.getByTestId('offline-banner').waitFor({ state: 'hidden' });
  });

  it('goes back where the user came from, else to the list', async () => {
    // from the list: "back" returns to it through the history
    await page.getByTestId('centre-row').getByRole('link').first().click();
    await page.waitForURL(/\/centres\/[0-9a-f-]+/);
    const back = page.getByTestId('back-link');
    await expect.poll(() => back.textContent()).toBe(en.shell.back);
    await back.click();
    await page.waitForURL(/\/centres$/);
    // opened directly: the link leads to the list
    await page.goto(`/centres/${centreId}`);
    await expect.poll(() => page.getByTestId('back-link').textContent()).toBe(en.centre.backToList);
  });

  it('fits the header on a phone, in both directions, and opens the user menu', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByTestId('home').waitFor();
    const menu = page.getByTestId('user-menu');
    const fits = async () => {
      const header = await page.evaluate(() => {
        const h = document.querySelector('header');
        return h ? { scroll: h.scrollWidth, client: h.clientWidth } : null;
      });
      expect(header).not.toBeNull();
      expect(header!.scroll).toBeLessThanOrEqual(header!.client);
      for (const control of [menu, page.getByTestId('nav-burger')]) {
        const box = await control.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      }
    };
    await fits();
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await fits();
    await snap(page, 'session-06a-phone-rtl');
    await expectAccessible(page, 'session-06a-phone-rtl');
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await menu.click();
    await page.getByTestId('sign-out').waitFor();
    await snap(page, 'session-06-phone-menu');
    await expectAccessible(page, 'session-06-phone-menu');
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
  });

  it('shows a viewer only what a viewer can use: no "My tasks", no module pages', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    await signIn(page, VIEWER);
    const nav = page.getByTestId('main-nav');
    await nav.waitFor();
    expect(await nav.getByTestId('nav-tasks').count()).toBe(0);
    expect(await nav.locator('[data-testid^="nav-module-"]').count()).toBe(0);
    await snap(page, 'session-07-viewer-home');
    await expectAccessible(page, 'session-07-viewer-home');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
