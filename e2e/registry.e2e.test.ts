// The registry journey: a caseworker registers someone, starts registering them again under
// another spelling, is shown the existing record first, opens it instead, transfers the person,
// and sees both centres' counts change. The registration form is also checked in Arabic (RTL).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const CASEWORKER = { username: 'cw.registry', password: 'Caseworker-registry-2026' };
const MANAGER = { username: 'mgr.registry', password: 'Manager-registry-2026' };
const VIEWER = { username: 'viewer.registry', password: 'Viewer-registry-2026' };
const CENTRE_A = { name: 'Tariq al-Sikka', nameAr: 'طريق السكة', type: 'detention', capacity: 1 };
const CENTRE_B = { name: 'Abu Salim', nameAr: 'أبو سليم', type: 'reception', capacity: 250 };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const centreIds: Record<'a' | 'b', string> = { a: '', b: '' };
let firstNumber = '';
let firstPath = '';
const pageErrors: string[] = [];

async function signOut() {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/sign-in/);
}

async function populationOf(centre: 'a' | 'b'): Promise<string> {
  await page.goto(`/centres/${centreIds[centre]}`);
  const total = page.getByTestId('population-total');
  await total.waitFor();
  return (await total.textContent()) ?? '';
}

describe('registry journey', () => {
  beforeAll(async () => {
    server = await startServer();
    // the administrator's part (directory set-up) is covered by the foundation journey: done over the API here
    const admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    for (const [key, c] of [
      ['a', CENTRE_A],
      ['b', CENTRE_B],
    ] as const) {
      centreIds[key] = (await admin.post<{ id: string }>('/centres', { ...c, location: 'Tripoli' })).id;
    }
    const orgs = await admin.get<{ items: { id: string; kind: string }[] }>('/organisations?kind=mission');
    for (const [account, role, centres] of [
      [CASEWORKER, 'caseworker', [centreIds.a, centreIds.b]],
      [MANAGER, 'manager', []],
      [VIEWER, 'viewer', []],
    ] as const) {
      // a first password set by an administrator is replaced here, before the browser signs in
      await admin.addUser(account, {
        displayName: `Registry ${role}`,
        organisationId: orgs.items[0]!.id,
        roles: [{ role, centreIds: [...centres] }],
      });
    }

    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs the caseworker in and opens the registry', async () => {
    await page.goto('/');
    await signIn(page, CASEWORKER);
    await page.getByTestId('registry-panel').waitFor();
    await page.getByTestId('nav-module-registry').click();
    await page.waitForURL(/\/registry$/);
    await page.getByTestId('persons-table').waitFor();
    await page.getByTestId('empty-list').waitFor();
  });

  it('registers Mohammed Abdelrahman, Sudan, born 1995, at centre A', async () => {
    await page.getByTestId('register-person').click();
    await page.getByTestId('registration-form').waitFor();
    await page.getByTestId('given-name').fill('Mohammed');
    await page.getByTestId('family-name').fill('Abdelrahman');
    await page.getByTestId('full-name-original').fill('محمد عبد الرحمن');
    await page.getByLabel(en.person.sexes.male, { exact: true }).check();
    await page.getByTestId('birth-date').fill('1995-03-10');
    await choose(page, 'nationality', 'Sudan (SDN)', 'Sud');
    await choose(page, 'languages', 'Arabic', 'Arab');
    await page.keyboard.press('Escape');
    await page.getByTestId('document-passport').check();
    await page.getByTestId('document-number-passport').fill('P01234567');
    await choose(page, 'centre', CENTRE_A.name);
    await choose(page, 'circumstances', en.episode.circumstanceTypes.intercepted_at_sea);
    // nobody is registered yet: the panel says so, and registering goes ahead
    await page.getByTestId('duplicates-none').waitFor();
    await snap(page, 'registry-01-register-first');
    await expectAccessible(page, 'registry-01-register-first');
    await page.getByTestId('save').click();

    await page.waitForURL(/\/persons\/[0-9a-f-]{36}/);
    await page.getByTestId('saved').waitFor();
    firstNumber = ((await page.getByTestId('registration-number').textContent()) ?? '').trim();
    expect(firstNumber).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    firstPath = new URL(page.url()).pathname;
    expect(await page.getByTestId('person-details').textContent()).toContain(CENTRE_A.name);
    await expect.poll(() => page.getByTestId('episode-row').count()).toBe(1);
    await snap(page, 'registry-02-person');
    await expectAccessible(page, 'registry-02-person');
  });

  it('registers someone with the keyboard alone', async () => {
    const started = Date.now();
    await page.goto('/registry/new');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    /** Tab until the element with this test id has the focus (the duplicate panel's buttons vary). */
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 30 && (await focused()) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(testId);
    };
    const pick = async (text: string) => {
      await page.keyboard.type(text);
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    };
    await page.getByTestId('given-name').focus();
    await page.keyboard.type('Senait');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tesfay');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ሰናይት ተስፋይ');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the first choice of the sex group: female
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // estimated age instead of a date of birth
    await tabTo('estimated-age');
    await page.keyboard.type('24');
    await tabTo('nationality');
    await pick('Eritrea');
    await tabTo('languages');
    await pick('Tigrinya');
    await page.keyboard.press('Escape');
    await tabTo('centre');
    await pick(CENTRE_A.name);
    await tabTo('save');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}/);
    const details = (await page.getByTestId('person-details').textContent()) ?? '';
    expect(details).toContain('ሰናይት ተስፋይ');
    expect(details).toContain(en.person.sexes.female);
    expect(details).toContain('Eritrea');
    // an estimated age reads as one, with a year of birth and never a day
    expect(await page.getByTestId('person-age').textContent()).toMatch(/^about 24 \(born around \d{4}\)$/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('counts the people at centre A, over its capacity of one', async () => {
    expect(await populationOf('b')).toBe('0');
    expect(await populationOf('a')).toBe('2');
    await page.getByTestId('over-capacity').waitFor();
    await page.getByTestId('population-chart').locator('svg').first().waitFor();
    await expect.poll(() => page.getByTestId('centre-people').getByTestId('person-row').count()).toBe(2);
    await snap(page, 'registry-03a-centre-a-over-capacity');
    await expectAccessible(page, 'registry-03a-centre-a-over-capacity');
  });

  it('offers the existing record first when the same man is registered again as Muhamad Abd al-Rahman', async () => {
    await page.goto('/registry/new');
    await page.getByTestId('given-name').fill('Muhamad');
    await page.getByTestId('family-name').fill('Abd al-Rahman');
    await page.getByLabel(en.person.sexes.male, { exact: true }).check();
    await page.getByTestId('birth-mode').getByText(en.person.estimatedAge).click();
    // about 30: an estimate one year off the real 1995, whatever the year the test runs in
    await page.getByTestId('estimated-age').fill(String(new Date().getFullYear() - 1996));
    await choose(page, 'nationality', 'Sudan (SDN)', 'Sud');

    const first = page.getByTestId('candidate').first();
    await first.waitFor();
    await expect.poll(() => first.textContent()).toContain(firstNumber);
    // an answer to the form as it was before age and nationality were given may show first
    await expect.poll(() => first.textContent()).toContain(en.duplicates.reasons.nationalitySame);
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('Mohammed Abdelrahman');
    expect(text).toContain(CENTRE_A.name);
    expect(text).toContain(en.duplicates.reasons.sexSame);
    expect(text).toContain(en.duplicates.reasons.nationalitySame);
    expect(text).toMatch(/Years of birth 1 apart, within the estimate/);
    await snap(page, 'registry-03-duplicate-panel');
    await expectAccessible(page, 'registry-03-duplicate-panel');

    // a likely match: "Register" gives way to a decision, and "register anyway" needs a reason
    await page.getByTestId('duplicate-decision').waitFor();
    expect(await page.getByTestId('save').count()).toBe(0);
    await page.getByTestId('register-anyway').click();
    await page.getByTestId('confirm-not-duplicate').click();
    await page.getByRole('dialog').getByText(en.validation.required).waitFor();
    await snap(page, 'registry-03b-duplicate-decision');
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-not-duplicate').waitFor({ state: 'detached' });

    await page.getByTestId('open-existing').click();
    await page.waitForURL((u) => u.pathname === firstPath);
    await page.getByText(en.register.openedExisting).waitFor();
    expect(((await page.getByTestId('registration-number').textContent()) ?? '').trim()).toBe(firstNumber);
  });

  it('transfers the person to centre B', async () => {
    await page.getByTestId('action-transfer').click();
    await choose(page, 'movement-centre', CENTRE_B.name);
    await snap(page, 'registry-04-transfer');
    await expectAccessible(page, 'registry-04-transfer');
    await page.getByTestId('movement-save').click();
    await page.getByText(en.movement.saved).waitFor();
    await expect.poll(() => page.getByTestId('episode-row').count()).toBe(2);
    expect(await page.getByTestId('person-details').textContent()).toContain(CENTRE_B.name);
    await expect.poll(() => page.getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(4);
    await snap(page, 'registry-05-after-transfer');
    await expectAccessible(page, 'registry-05-after-transfer');
  });

  it('edits the identity, and says so when someone else changed the record meanwhile', async () => {
    await page.goto(firstPath);
    await page.getByTestId('action-edit').click();
    await page.getByTestId('phone').fill('+218 91 234 5678');
    await page.getByTestId('save').click();
    await page.getByTestId('saved').waitFor();
    expect(await page.getByTestId('person-details').textContent()).toContain('+218 91 234 5678');

    await page.getByTestId('action-edit').click();
    await page.getByTestId('given-name').fill('Mohamed');
    const id = firstPath.split('/').pop();
    const status = await page.evaluate(async (id) => {
      const current = await (await fetch(`/api/v1/persons/${id}`)).json();
      const res = await fetch(`/api/v1/persons/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'sanad' },
        body: JSON.stringify({ version: current.version, languages: ['ar', 'en'] }),
      });
      return res.status;
    }, id);
    expect(status).toBe(200);
    await page.getByTestId('save').click();
    await page.getByTestId('conflict').waitFor();
    await page.getByRole('button', { name: en.common.cancel }).click();
  });

  it('shows centre A one fewer and centre B one more', async () => {
    expect(await populationOf('a')).toBe('1');
    expect(await populationOf('b')).toBe('1');
    await page.getByTestId('centre-people').getByText(firstNumber).waitFor();
    await page.getByTestId('population-chart').locator('svg').first().waitFor();
    await snap(page, 'registry-06-centre-b');
    await expectAccessible(page, 'registry-06-centre-b');
    // the centres list says how many each holds now, against capacity, from one request
    await page.goto('/centres');
    const rowB = page.getByTestId('centre-row').filter({ hasText: CENTRE_B.name });
    await expect.poll(() => rowB.getByTestId('occupancy').textContent()).toMatch(/^1 \/ 250 \(0 %\)$/);
    await snap(page, 'registry-06b-centres');
    await expectAccessible(page, 'registry-06b-centres');
  });

  it('finds the person by another spelling and in Arabic script', async () => {
    await page.goto('/registry');
    await page.getByTestId('search').fill('Mohamed Abd el Rahman');
    await expect.poll(() => page.getByTestId('person-row').first().textContent()).toContain(firstNumber);
    await page.getByTestId('search').fill('محمد عبدالرحمن');
    await expect.poll(() => page.getByTestId('person-row').first().textContent()).toContain(firstNumber);
  });

  it('counts the list and sorts it from a column header, with the keyboard', async () => {
    await page.goto('/registry');
    await page.getByTestId('persons-total').waitFor();
    expect(await page.getByTestId('persons-total').textContent()).toMatch(/People found: \d+/);
    const name = page.getByTestId('sort-name');
    const header = page.getByRole('columnheader', { name: en.person.name });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await name.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('person-row').first().waitFor();
  });

  it('lets a manager merge a duplicate record into the person, and undo it', async () => {
    // a second record of the same man, registered by mistake and since released
    const dupNumber = await page.evaluate(async (centreId) => {
      const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'sanad' };
      const body = {
        givenName: 'Mohamed',
        familyName: 'Abdel Rahman',
        sex: 'male',
        estimatedAge: 31,
        nationality: 'SDN',
        centreId,
        admittedOn: '2026-01-05',
      };
      const post = (b: object) =>
        fetch('/api/v1/persons', { method: 'POST', headers, body: JSON.stringify(b) });
      let res = await post(body);
      // the server names the likely duplicate; the mistaken "not the same person" is recorded
      if (res.status === 409) {
        const { candidates } = (await res.json()) as { candidates: { id: string }[] };
        res = await post({
          ...body,
          notDuplicateOf: candidates.map((c) => c.id),
          reason: 'Said he was new here',
        });
      }
      const p = await res.json();
      await fetch(`/api/v1/persons/${p.id}/episodes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'release', date: '2026-02-01' }),
      });
      return p.registrationNumber as string;
    }, centreIds.a);
    // a caseworker may not merge: the action is not offered
    await page.goto(firstPath);
    await page.getByTestId('action-transfer').waitFor();
    expect(await page.getByTestId('action-merge').count()).toBe(0);

    await signOut();
    await signIn(page, MANAGER);
    await page.goto(firstPath);
    await page.getByTestId('action-merge').click();
    await page.getByTestId('merge-search').fill(dupNumber);
    await page.getByRole('option', { name: new RegExp(dupNumber) }).click();
    await page.getByTestId('merge-duplicate').getByText(dupNumber).waitFor();
    await page.getByTestId('merge-survivor').getByText(firstNumber).waitFor();
    await snap(page, 'registry-07-merge-confirm');
    await expectAccessible(page, 'registry-07-merge-confirm');
    await page.getByTestId('confirm-merge').click();
    await page.getByText(en.merge.done).waitFor();
    await page.getByTestId('merge-row').getByText(dupNumber).waitFor();
    // the merged record leads to the survivor
    await page.getByTestId('merge-row').getByRole('link').click();
    await page.getByTestId('merged-into').waitFor();
    await expect.poll(() => page.getByTestId('survivor-link').textContent()).toContain(firstNumber);
    await snap(page, 'registry-08-merged-record');
    await expectAccessible(page, 'registry-08-merged-record');
    await page.getByTestId('survivor-link').click();
    await page.getByTestId('undo-merge').click();
    await page.getByTestId('confirm-undo-merge').click();
    await page.getByText(en.merge.undone).waitFor();
    await expect.poll(() => page.getByTestId('undo-merge').count()).toBe(0);
    await page
      .getByTestId('merge-row')
      .getByText(/undone/)
      .waitFor();

    // managers record the detaining authority's headcounts; the chart shows them beside the registry's count
    await page.goto(`/centres/${centreIds.b}`);
    await page.getByTestId('headcount-toggle').click();
    await page.getByTestId('headcount-total').fill('3');
    await page.getByTestId('headcount-men').fill('2');
    await page.getByTestId('headcount-women').fill('1');
    await page.getByTestId('headcount-save').click();
    await page.getByTestId('headcount-form').getByTestId('saved').waitFor();
    await page.getByTestId('population-chart').locator('.recharts-line-dots circle').first().waitFor();
    await snap(page, 'registry-08a-headcount');
    await expectAccessible(page, 'registry-08a-headcount');
    await signOut();
    await signIn(page, CASEWORKER);
  });

  it('lays the registration form out right to left in Arabic', async () => {
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.goto('/registry/new');
    await page.getByTestId('given-name').fill('Mohamed');
    await page.getByTestId('family-name').fill('Abdulrahman');
    await page.getByTestId('candidate').first().waitFor();
    await expect.poll(() => page.getByTestId('duplicates').textContent()).toContain(ar.duplicates.samePerson);
    // the panel sits on the reading-end side (left in Arabic), the form on the start side (right)
    const form = await page.locator('.sanad-register-identity').boundingBox();
    const panel = await page.getByTestId('duplicates').boundingBox();
    expect(form && panel && panel.x + panel.width <= form.x + 1).toBe(true);
    await snap(page, 'registry-09-register-rtl');
    await expectAccessible(page, 'registry-09-register-rtl');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('duplicates').scrollIntoViewIfNeeded();
    await snap(page, 'registry-10-register-rtl-phone');
    await expectAccessible(page, 'registry-10-register-rtl-phone');
    await page.goto(firstPath);
    await page.getByTestId('person-details').waitFor();
    await page.getByTestId('episode-row').first().waitFor();
    await snap(page, 'registry-11-person-rtl-phone');
    await expectAccessible(page, 'registry-11-person-rtl-phone');
    await page.goto(`/centres/${centreIds.b}`);
    await page.getByTestId('population-chart').locator('svg').first().waitFor();
    await snap(page, 'registry-12-centre-rtl-phone');
    await expectAccessible(page, 'registry-12-centre-rtl-phone');
  });

  it('shows a viewer small counts as hidden, never as zero', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signOut();
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-en').click();
    await signIn(page, VIEWER);
    await page.goto(`/centres/${centreIds.a}`);
    const byAge = page.getByTestId('by-age');
    await byAge.waitFor();
    // one or two people at centre A: every non-empty age group is under 5, so hidden
    const hidden = en.a11y.hiddenCell.replace('{{n}}', '5');
    await expect.poll(() => byAge.getByText(hidden).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('population-total').textContent()).toBe(hidden);
    const adults = byAge.getByRole('row').filter({ hasText: en.population.ageGroups['18-59'] });
    expect(await adults.textContent()).toContain(hidden);
    await snap(page, 'registry-13-viewer-centre');
    await expectAccessible(page, 'registry-13-viewer-centre');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
