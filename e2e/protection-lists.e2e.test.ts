// Protection lists (issue 10 item 4): a protection officer opens the screenings page from the
// navigation, sees how many screenings there are, narrows them by risk level and sorts them by
// person both ways; then sorts the referrals list by recipient, with its total shown. Every page
// is checked for accessibility in English and Arabic, and the screenings page on a phone too.
// The data arrives over the API; the browser does the reading.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../src/domain/protection/screening.fixtures.ts';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, showIn, snap, watchConsole } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const OFFICER = { username: 'po.lists', password: 'Protection-lists-2026' };
const FEAR = patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] });
// [given, family, screened on, answers, referred to]
const PEOPLE = [
  ['Halima', 'Abakar', '2026-10-01', FEAR, 'Beta Aid'],
  ['Yonas', 'Tesfay', '2026-10-03', BASE, 'Alpha Relief'],
  ['Awa', 'Diallo', '2026-10-05', FEAR, null],
] as const;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** The text of a column in the rows shown, e.g. the people's names. */
const column = (row: string, testId: string) =>
  page
    .getByTestId(row)
    .evaluateAll(
      (rows, id) => rows.map((r) => (r.querySelector(`[data-testid="${id}"]`) ?? r).textContent ?? ''),
      testId,
    );
const names = () =>
  page
    .getByTestId('screening-row')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.querySelector('bdi')?.textContent));

describe('protection lists', () => {
  beforeAll(async () => {
    server = await startServer();
    const admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    const centre = await admin.post<{ id: string }>('/centres', {
      name: 'Abu Salim',
      nameAr: 'أبو سليم',
      type: 'detention',
      capacity: 200,
    });
    const recipients: Record<string, string> = {};
    for (const name of ['Alpha Relief', 'Beta Aid']) {
      recipients[name] = (
        await admin.post<{ id: string }>('/organisations', { name, kind: 'partner_ngo' })
      ).id;
      await admin.put(`/organisations/${recipients[name]}/sharing-profile`, {
        fields: ['registrationNumber', 'givenName', 'familyName'],
        services: ['legal'],
      });
    }
    const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
    await admin.addUser(OFFICER, {
      displayName: 'Lists Officer',
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'protection_officer', centreIds: [] }],
    });
    const officer = new ApiSession(server.url);
    await officer.signIn(OFFICER.username, OFFICER.password);
    for (const [givenName, familyName, screenedOn, answers, to] of PEOPLE) {
      const { id: personId } = await officer.post<{ id: string }>('/persons', {
        givenName,
        familyName,
        sex: 'male',
        estimatedAge: 30,
        nationality: 'SDN',
        languages: ['ar'],
        centreId: centre.id,
        admittedOn: '2026-09-12',
      });
      await officer.post('/screenings', { personId, screenedOn, answers });
      if (!to) continue;
      const recipientOrganisationId = recipients[to]!;
      await officer.post('/consents', {
        personId,
        purpose: 'referral',
        recipientOrganisationId,
        decision: 'given',
        method: 'verbal',
        language: 'ar',
        givenOn: screenedOn,
      });
      await officer.post('/referrals', {
        personId,
        recipientOrganisationId,
        service: 'legal',
        reason: 'Needs legal counselling.',
      });
    }

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: server.url });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    watchConsole(page, pageErrors);
    await page.goto('/');
    await page.getByTestId('username').fill(OFFICER.username);
    await page.getByTestId('password').fill(OFFICER.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `lists-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('opens the screenings page from the navigation, with its total, newest first', async () => {
    await page.getByTestId('nav-protection-screenings').click();
    await page.getByTestId('screenings-list').waitFor();
    await expect.poll(() => page.getByTestId('screenings-total').textContent()).toBe('3 found');
    await expect.poll(names).toEqual(['Awa Diallo', 'Yonas Tesfay', 'Halima Abakar']);
    await expect(page.getByTestId('export-screenings').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'screenings list');
  });

  it('narrows by risk level and sorts by person, both ways, the export following', async () => {
    await page.getByTestId('filter-risk').click();
    await page.getByRole('option', { name: 'Low', exact: true }).click();
    await expect.poll(() => page.getByTestId('screenings-total').textContent()).toBe('1 found');
    await page.getByTestId('filter-risk').click();
    await page.getByRole('option', { name: 'Low', exact: true }).click(); // chosen again: cleared
    await expect.poll(() => page.getByTestId('screenings-total').textContent()).toBe('3 found');

    const header = page.locator('th', { has: page.getByTestId('sort-person') });
    await page.getByTestId('sort-person').click();
    await expect.poll(names).toEqual(['Halima Abakar', 'Awa Diallo', 'Yonas Tesfay']);
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.getByTestId('sort-person').click();
    await expect.poll(names).toEqual(['Yonas Tesfay', 'Awa Diallo', 'Halima Abakar']);
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');

    await page.getByTestId('export-screenings').click();
    const href = await page.getByTestId('export-csv').getAttribute('href');
    expect(href).toContain('sort=person');
    expect(href).toContain('order=desc');
    await page.keyboard.press('Escape');
  });

  it('shows the screenings page in Arabic, right to left, and on a phone', async () => {
    await showIn(page, 'ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect(page.getByTestId('screenings-total').isVisible()).resolves.toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'screenings list on a phone');
    // the table scrolls inside its frame: the page itself does not scroll sideways
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'screenings-phone-ar');
    await showIn(page, 'en');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('sorts the referrals by recipient, with the total', async () => {
    await page.goto('/referrals');
    await page.getByTestId('referrals-table').waitFor();
    await expect.poll(() => page.getByTestId('referrals-table-total').textContent()).toBe('2 found');
    const recipients = () => column('referral-row', 'referral-recipient-name');
    await page.getByTestId('sort-recipient').click();
    await expect.poll(recipients).toEqual(['Alpha Relief', 'Beta Aid']);
    await page.getByTestId('sort-recipient').click();
    await expect.poll(recipients).toEqual(['Beta Aid', 'Alpha Relief']);
    await expectAccessible(page, 'referrals sorted');
  });
});
