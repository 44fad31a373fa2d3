// Print views: a protection officer opens a man's registration slip (number as text and as a QR
// image named by the number), in English then in Arabic (right to left), and his case summary
// (status, referral, open task); then exports the referrals list from its Export menu. The data arrives over the API; the browser does the reading.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { openPage } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const OFFICER = { username: 'po.print', password: 'Protection-print-2026' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let officer: ApiSession;
let personId = '';
let number = '';
let caseId = '';
let reference = '';
const pageErrors: string[] = [];

describe('print views', () => {
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
    const unhcr = await admin.post<{ id: string }>('/organisations', {
      name: 'UNHCR Print',
      kind: 'un_agency',
    });
    // a referral goes only to an organisation whose sharing profile takes the service
    await admin.put(`/organisations/${unhcr.id}/sharing-profile`, {
      fields: ['registrationNumber', 'givenName', 'familyName', 'nationality'],
      services: ['international_protection'],
    });
    const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
    await admin.addUser(OFFICER, {
      displayName: 'Print Officer',
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'protection_officer', centreIds: [] }],
    });
    officer = new ApiSession(server.url);
    await officer.signIn(OFFICER.username, OFFICER.password);
    const person = await officer.post<{ id: string; registrationNumber: string }>('/persons', {
      givenName: 'Yusuf',
      familyName: 'Adam',
      fullNameOriginal: 'يوسف آدم',
      sex: 'male',
      estimatedAge: 31,
      nationality: 'SDN',
      languages: ['ar'],
      centreId: centre.id,
      admittedOn: '2026-01-12',
    });
    personId = person.id;
    number = person.registrationNumber;
    await officer.post('/consents', {
      personId,
      purpose: 'referral',
      recipientOrganisationId: unhcr.id,
      decision: 'given',
      method: 'verbal',
      language: 'ar',
      interpreter: true,
      givenOn: '2026-01-13',
    });
    const referral = await officer.post<{ reference: string; caseId: string }>('/referrals', {
      personId,
      recipientOrganisationId: unhcr.id,
      service: 'international_protection',
      urgency: 'priority',
      reason: 'Asks for international protection.',
    });
    reference = referral.reference;
    caseId = referral.caseId;
    const me = await officer.get<{ id: string }>('/me');
    await officer.post('/tasks', {
      title: 'Call UNHCR about Yusuf',
      dueOn: '2026-01-20',
      assigneeUserId: me.id,
      personId,
    });

    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors, 20_000));
    await page.goto('/');
    await page.getByTestId('username').fill(OFFICER.username);
    await page.getByTestId('password').fill(OFFICER.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `print-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('opens the registration slip from the person page, with the number as text and as a QR image', async () => {
    await page.goto(`/persons/${personId}`);
    await page.getByTestId('action-slip').click();
    const slip = page.getByTestId('registration-slip');
    await slip.waitFor();
    await expect.poll(() => slip.getByTestId('slip-number').textContent()).toBe(number);
    expect(await slip.getByTestId('slip-name').textContent()).toBe('Yusuf Adam');
    expect(await slip.getByTestId('slip-name-original').textContent()).toBe('يوسف آدم');
    const qr = page.getByRole('img', { name: en.print.qr.replace('{{number}}', number) });
    await qr.waitFor();
    // a real image: decoded by the browser, square, not empty
    const size = await qr.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size[0]).toBeGreaterThan(100);
    expect(size[0]).toBe(size[1]);
    expect(await slip.getByTestId('slip-details').textContent()).toContain('Abu Salim');
    expect(await page.getByTestId('print').textContent()).toBe(en.print.print);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    // on paper, the navigation and the toolbar are gone
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await slip.getByTestId('slip-number').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await snap(page, 'print-01-slip-en');
    await expectAccessible(page, 'print-01-slip-en');
  });

  it('shows the slip in Arabic, right to left, with the same number, also on a phone', async () => {
    await officer.request('PATCH', '/me', { locale: 'ar' });
    await page.goto(`/persons/${personId}/slip`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const slip = page.getByTestId('registration-slip');
    await expect.poll(() => page.getByTestId('print').textContent()).toBe(ar.print.print);
    expect(await slip.getByTestId('slip-number').textContent()).toBe(number);
    await page.getByRole('img', { name: ar.print.qr.replace('{{number}}', number) }).waitFor();
    await snap(page, 'print-02-slip-ar');
    await expectAccessible(page, 'print-02-slip-ar');
    // on a phone: nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
      .toBe(true);
    await snap(page, 'print-02-slip-ar-phone');
    await expectAccessible(page, 'print-02-slip-ar-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    await officer.request('PATCH', '/me', { locale: 'en' });
  });

  it('opens the case summary from the case panel: status, referral and open task', async () => {
    await page.goto(`/persons/${personId}?tab=protection`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByTestId('case-summary-link').click();
    await page.waitForURL(`**/cases/${caseId}/summary`);
    const summary = page.getByTestId('case-summary');
    await summary.getByTestId('summary-case').waitFor();
    const facts = await summary.getByTestId('summary-case').textContent();
    expect(facts).toContain('Yusuf Adam');
    expect(facts).toContain(number);
    expect(facts).toContain(en.print.noScreening);
    await summary.getByTestId('summary-referral').first().waitFor();
    expect(await summary.getByTestId('summary-referrals').textContent()).toContain(reference);
    await summary.getByTestId('summary-task').first().waitFor();
    expect(await summary.getByTestId('summary-tasks').textContent()).toContain('Call UNHCR about Yusuf');
    await snap(page, 'print-03-case-summary');
    await expectAccessible(page, 'print-03-case-summary');
  });

  it('exports the referrals list with the filter shown, from the Export menu', async () => {
    await page.goto('/referrals?status=draft');
    await page.getByTestId('referral-row').first().waitFor();
    await page.getByTestId('export-referrals').click();
    const csv = page.getByRole('menuitem', { name: en.export.csv });
    await csv.waitFor();
    const href = (await csv.getAttribute('href')) ?? '';
    const url = new URL(href, server.url);
    expect(url.pathname).toBe('/api/v1/referrals/export');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      status: 'draft',
      format: 'csv',
      lang: 'en',
    });
    // the browser's session downloads it: UTF-8 with a byte-order mark, the referral in it
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain(reference);
    const xlsx = await page.getByRole('menuitem', { name: en.export.xlsx }).getAttribute('href');
    expect(xlsx).toContain('format=xlsx');
    expect(pageErrors).toEqual([]);
  });
});
