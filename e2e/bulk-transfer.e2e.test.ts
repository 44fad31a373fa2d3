// Bulk transfer: a caseworker ticks people on a centre's page and moves them together to another
// centre; when one of the selection can no longer be moved, nobody moves and the page says who.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { en } from './support/i18n';
import { openPage } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const CASEWORKER = { username: 'cw.bulk', password: 'Caseworker-bulk-2026' };
const PEOPLE = [
  { givenName: 'Issa', familyName: 'Maiga', nationality: 'MLI', birthDate: '1990-01-05' },
  { givenName: 'Kwame', familyName: 'Mensah', nationality: 'GHA', birthDate: '1984-07-21' },
  { givenName: 'Tesfay', familyName: 'Gebremariam', nationality: 'ERI', birthDate: '1999-11-30' },
];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let caseworker: ApiSession;
const centre = { a: '', b: '' };
const ids: Record<string, string> = {};
const pageErrors: string[] = [];

const centreOf = async (id: string) =>
  (await caseworker.get<{ current: { centreId: string } | null }>(`/persons/${id}`)).current?.centreId;
const row = (familyName: string) => page.getByTestId('person-row').filter({ hasText: familyName });

describe('bulk transfer journey', () => {
  beforeAll(async () => {
    server = await startServer();
    const admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    for (const [key, name] of [
      ['a', 'Zawiya North'],
      ['b', 'Gharyan East'],
    ] as const)
      centre[key] = (
        await admin.post<{ id: string }>('/centres', {
          name,
          type: 'detention',
          capacity: 100,
          location: 'Libya',
        })
      ).id;
    const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
    await admin.addUser(CASEWORKER, {
      displayName: 'Bulk caseworker',
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'caseworker', centreIds: [] }],
    });
    caseworker = new ApiSession(server.url);
    await caseworker.signIn(CASEWORKER.username, CASEWORKER.password);
    for (const p of PEOPLE) {
      const created = await caseworker.post<{ id: string }>('/persons', {
        ...p,
        sex: 'male',
        centreId: centre.a,
        admittedOn: '2026-03-01',
      });
      ids[p.familyName] = created.id;
    }

    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('moves two people ticked on the centre page to another centre together', async () => {
    await page.goto('/');
    await page.getByTestId('username').fill(CASEWORKER.username);
    await page.getByTestId('password').fill(CASEWORKER.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
    await page.goto(`/centres/${centre.a}`);
    await expect.poll(() => page.getByTestId('person-row').count(), { timeout: 30_000 }).toBe(3);
    expect(await page.getByTestId('bulk-transfer').isDisabled()).toBe(true);

    await row('Maiga').getByTestId('person-select').check();
    await row('Mensah').getByTestId('person-select').check();
    await page.getByTestId('bulk-transfer').click();
    await page.getByTestId('bulk-transfer-form').waitFor();
    await page.getByTestId('bulk-centre').click();
    await page.getByRole('option', { name: 'Gharyan East', exact: true }).click();
    await page.getByTestId('bulk-reason').fill('Zawiya North overcrowded');
    await snap(page, 'bulk-01-dialog');
    await expectAccessible(page, 'bulk-01-dialog');
    await page.getByTestId('bulk-save').click();

    await page.getByTestId('bulk-moved').waitFor();
    expect(await page.getByTestId('bulk-moved').textContent()).toContain(
      en.ops.bulk.moved.replace('{{count}}', '2'),
    );
    await expect.poll(() => page.getByTestId('person-row').count(), { timeout: 30_000 }).toBe(1);
    expect(await centreOf(ids.Maiga!)).toBe(centre.b);
    expect(await centreOf(ids.Mensah!)).toBe(centre.b);
    expect(await centreOf(ids.Gebremariam!)).toBe(centre.a);
  });

  it('moves nobody when one of the selection was moved meanwhile, and names them', async () => {
    // back to A over the API so two are present again; then one is moved away behind the page's back
    await caseworker.post('/transfers/bulk', {
      personIds: [ids.Maiga],
      fromCentreId: centre.b,
      toCentreId: centre.a,
      date: new Date().toISOString().slice(0, 10),
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('person-row').count(), { timeout: 30_000 }).toBe(2);
    await row('Maiga').getByTestId('person-select').check();
    await row('Gebremariam').getByTestId('person-select').check();
    await caseworker.post(`/persons/${ids.Maiga}/episodes`, {
      type: 'release',
      date: new Date().toISOString().slice(0, 10),
    });

    await page.getByTestId('bulk-transfer').click();
    await page.getByTestId('bulk-centre').click();
    await page.getByRole('option', { name: 'Gharyan East', exact: true }).click();
    await page.getByTestId('bulk-save').click();
    const refused = page.getByTestId('bulk-refused');
    await refused.waitFor();
    const text = (await refused.textContent()) ?? '';
    expect(text).toContain('Issa Maiga');
    expect(text).toContain(en.ops.bulk.reasons.notHere);
    expect(text).not.toContain('Gebremariam');
    await snap(page, 'bulk-02-refused');
    await expectAccessible(page, 'bulk-02-refused');
    expect(await centreOf(ids.Gebremariam!)).toBe(centre.a);
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
