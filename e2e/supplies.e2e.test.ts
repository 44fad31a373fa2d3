// The supplies journey: a stock officer receives a donor's consignment at the warehouse (lots,
// expiry, packs), transfers part of it to a centre's store and receives it there, opens a clothing
// distribution at the centre and records three people found by other spellings than the ones
// registered (one registered in Arabic script, one by number) with the keyboard alone; a second
// set to one of them within 30 days warns and needs a reason. Stock on hand, the item's stock card
// at the store and the distribution report change as they should; the pages are checked with axe
// in English and Arabic, and the main ones seen again in Arabic.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOVEMENT_KIND_LABELS } from '../src/domain/supplies/labels.ts';
import { formatQuantity } from '../src/domain/supplies/quantities.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';
import {
  CENTRE,
  CLOTHING,
  DONOR,
  dayFrom,
  OFFICER,
  ORS,
  PROJECT,
  STORE,
  type SuppliesWorld,
  suppliesWorld,
  WAREHOUSE,
} from './support/supplies.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let world: SuppliesWorld;
let firstEventPath = '';
const pageErrors: string[] = [];

const sets = (n: number, lang: 'en' | 'ar' = 'en') => formatQuantity(n, CLOTHING, lang);
const label = (x: { code: string; name: string }) => `${x.code} · ${x.name}`;

/** The on-hand quantity (base units) of an item's line on the stock page shown. */
const onHand = (code: string) =>
  page
    .locator(`[data-testid="stock-row"][data-item="${code}"]`)
    .getByTestId('on-hand')
    .getAttribute('data-value');

async function stockAt(pointId: string) {
  await page.goto(`/stock?stockPointId=${pointId}`);
  await page.getByTestId('stock-table').waitFor();
}

/** Finds a person in the quick entry by what is typed, checks the first match, and picks it with Enter. */
async function find(typed: string, expected: string) {
  const search = page.getByTestId('entry-search');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('entry-search');
  await page.keyboard.type(typed);
  await expect.poll(() => page.getByTestId('entry-match').first().textContent()).toContain(expected);
  expect(await search.inputValue()).toBe(typed);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('recipient-name').textContent()).toBe(expected);
}

/** Opens an individual clothing distribution at the centre from its store on that day. */
async function openDistribution(on: string) {
  await page.goto('/distributions/new');
  await choose(page, 'distribution-centre', CENTRE.name);
  await choose(page, 'distribution-stock-point', STORE.name);
  await page.getByTestId('distribution-date').fill(on);
  await choose(page, 'distribution-items', `${CLOTHING.code} · ${CLOTHING.name} (Clothing)`);
  await page.keyboard.press('Escape');
  await page.getByTestId('distribution-save').click();
  await page.waitForURL(/\/distributions\/[0-9a-f-]{36}$/);
  await page.getByTestId('quick-entry').waitFor();
}

describe('supplies journey', () => {
  beforeAll(async () => {
    server = await startServer();
    world = await suppliesWorld(server);
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  // a failing step leaves a picture of the page behind
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `supplies-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("receives the donor's consignment at the warehouse: two lots with expiry, counted in packs", async () => {
    await page.goto('/');
    await signIn(page, OFFICER);
    await page.goto('/stock/receive');
    await page.getByTestId('receive-form').waitFor();
    await choose(page, 'receive-point', WAREHOUSE.name);
    await page.getByTestId('receive-date').fill(dayFrom(-10));
    await choose(page, 'receive-supplier', DONOR.name);
    await choose(page, 'receive-project', label(PROJECT));
    await page.getByTestId('receive-document').fill('GRN-2026-014');
    const lines = page.getByTestId('receipt-line');
    await choose(page, 'line-item', label(CLOTHING));
    await lines.nth(0).getByTestId('line-lot').fill('CL-2026-01');
    await lines.nth(0).getByTestId('line-expiry').fill('2030-06-30');
    await lines.nth(0).getByTestId('line-quantity').fill('50');
    // the quantity is typed in packs and shown in both
    await lines.nth(0).getByText(sets(500)).waitFor();
    await page.getByTestId('add-line').click();
    await lines.nth(1).getByTestId('line-item').click();
    await page.getByRole('option', { name: label(ORS), exact: true }).click();
    await lines.nth(1).getByTestId('line-lot').fill('ORS-24-117');
    await lines.nth(1).getByTestId('line-expiry').fill('2028-03-31');
    await lines.nth(1).getByTestId('line-quantity').fill('12');
    await lines
      .nth(1)
      .getByText(formatQuantity(240, ORS, 'en'))
      .waitFor();
    await snap(page, 'supplies-01-receive');
    await expectAccessible(page, 'supplies-01-receive');
    await page.getByTestId('receive-save').click();

    await page.waitForURL((u) => u.pathname === '/stock' && u.search.includes(world.warehouseId));
    await expect.poll(() => onHand(CLOTHING.code)).toBe('500');
    expect(await onHand(ORS.code)).toBe('240');
    const row = page.locator(`[data-testid="stock-row"][data-item="${CLOTHING.code}"]`);
    expect(await row.textContent()).toContain('CL-2026-01');
    expect(await row.textContent()).toContain(PROJECT.code);
    expect(await row.getByTestId('on-hand').textContent()).toBe(sets(500));
    await snap(page, 'supplies-02-warehouse-stock');
    await expectAccessible(page, 'supplies-02-warehouse-stock');
  });

  it('transfers 100 sets to the centre store, in transit until received there', async () => {
    await page.goto('/stock-transfers/new');
    await page.getByTestId('transfer-form').waitFor();
    await choose(page, 'transfer-from', WAREHOUSE.name);
    await choose(page, 'transfer-to', STORE.name);
    await page.getByTestId('transfer-date').fill(dayFrom(-9));
    await choose(page, 'issue-item', label(CLOTHING));
    await page.getByTestId('issue-quantity').fill('100');
    // first expiry, first out: the only lot is proposed
    await expect.poll(() => page.getByTestId('fefo-proposal').textContent()).toContain('CL-2026-01');
    await snap(page, 'supplies-03-transfer');
    await expectAccessible(page, 'supplies-03-transfer');
    await page.getByTestId('transfer-save').click();
    await page.waitForURL(/\/stock-transfers\/[0-9a-f-]{36}/);
    await page.getByText(en.supplies.transfers.dispatched).waitFor();
    const transferPath = new URL(page.url()).pathname;

    // in transit: gone from the warehouse, not yet at the store
    await stockAt(world.warehouseId);
    await expect.poll(() => onHand(CLOTHING.code)).toBe('400');
    await stockAt(world.storeId);
    await page.getByTestId('empty-list').waitFor();

    await page.goto(transferPath);
    await page.getByTestId('receive-transfer-form').waitFor();
    await page.getByTestId('received-on').fill(dayFrom(-9));
    expect(await page.getByTestId('received-quantity').inputValue()).toBe('100');
    await expectAccessible(page, 'supplies-04-transfer-receive');
    await page.getByTestId('receive-transfer-save').click();
    await page.getByText(en.supplies.transfers.receivedNotice).waitFor();
    await snap(page, 'supplies-04-transfer-received');

    await stockAt(world.storeId);
    await expect.poll(() => onHand(CLOTHING.code)).toBe('100');
  });

  it('records three people found by other spellings, with the keyboard alone', async () => {
    const senait = world.people[2];
    await openDistribution(dayFrom(-7));
    const people = page.getByTestId('centre-people');
    await expect
      .poll(() => people.getByTestId('centre-people-total').textContent())
      .toBe('3 held at the centre that day, 0 served here.');
    await expectAccessible(page, 'supplies-05-distribution');

    const save = async (name: string) => {
      // the row offers one set; Enter saves it, and the search box is ready for the next person
      expect(await page.getByTestId('recipient-quantity').inputValue()).toBe('1');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('entry-saved').textContent()).toContain(name);
    };
    firstEventPath = new URL(page.url()).pathname;
    await find('Muhammad Abdel Rahman', 'Mohamed Abdelrahman');
    await save('Mohamed Abdelrahman');
    await find('Khalid Al-Zawi', 'خالد الزوي');
    await save('خالد الزوي');
    await find(senait!.registrationNumber, 'Senait Tesfay');
    await save('Senait Tesfay');

    await expect.poll(() => page.getByTestId('distribution-recipients').textContent()).toBe('3');
    const lines = page.getByTestId('lines-table');
    await expect.poll(() => lines.getByTestId('line-row').count()).toBe(3);
    for (const name of ['Mohamed Abdelrahman', 'خالد الزوي', 'Senait Tesfay'])
      expect(await lines.textContent()).toContain(name);
    // a stock officer reads no registry: names are not links to a person's page
    expect(await page.locator('a[href^="/persons/"]').count()).toBe(0);
    await expect
      .poll(() => people.getByTestId('centre-people-total').textContent())
      .toBe('3 held at the centre that day, 3 served here.');
    await snap(page, 'supplies-06-three-recorded');
    await expectAccessible(page, 'supplies-06-three-recorded');
  });

  it('warns when one of them gets a second set within 30 days, and saves it with a reason', async () => {
    const [mohamed] = world.people;
    await openDistribution(dayFrom(0));
    await page.keyboard.type('Mohammed Abd al-Rahman');
    const first = page.getByTestId('entry-match').first();
    await expect.poll(() => first.textContent()).toContain(mohamed!.registrationNumber);
    await first.getByTestId('entry-match-warned').waitFor();
    await page.keyboard.press('Enter');
    const warnings = page.getByTestId('eligibility-warnings');
    await warnings.waitFor();
    expect(await warnings.getByTestId('eligibility-warning').textContent()).toContain('1 per 30 days');
    // Enter without a reason: the row says why, and the reason has the focus
    await page.keyboard.press('Enter');
    await page.getByText(en.assistance.entry.reasonNeeded).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('override-reason');
    await snap(page, 'supplies-07-warning');
    await expectAccessible(page, 'supplies-07-warning');
    await page.keyboard.type('His set was torn during the transfer');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('entry-saved').textContent()).toContain('Mohamed Abdelrahman');
    await expect.poll(() => page.getByTestId('distribution-recipients').textContent()).toBe('1');
    await page.getByTestId('recipient-row').waitFor({ state: 'detached' });
  });

  it('shows the stock on hand, the stock card at the store and the report changed', async () => {
    await stockAt(world.storeId);
    await expect.poll(() => onHand(CLOTHING.code)).toBe('96');
    await snap(page, 'supplies-08-store-stock');
    await expectAccessible(page, 'supplies-08-store-stock');

    await page.getByTestId('stock-card-link').first().click();
    await page.waitForURL(/\/stock\/card\?/);
    await expect.poll(() => page.getByTestId('card-row').count()).toBe(5);
    // the transfer in, then one set per person: the running balance after each
    const balances = await page
      .getByTestId('card-balance')
      .evaluateAll((xs) => xs.map((x) => x.getAttribute('data-value')));
    expect(balances).toEqual(['100', '99', '98', '97', '96']);
    const quantities = await page
      .getByTestId('card-quantity')
      .evaluateAll((xs) => xs.map((x) => x.getAttribute('data-value')));
    expect(quantities).toEqual(['100', '-1', '-1', '-1', '-1']);
    const kinds = await page.getByTestId('card-row').allTextContents();
    expect(kinds[0]).toContain(MOVEMENT_KIND_LABELS.transfer_in.en);
    for (const k of kinds.slice(1)) expect(k).toContain(MOVEMENT_KIND_LABELS.distribution.en);
    expect(await page.getByTestId('closing-balance').getAttribute('data-value')).toBe('96');
    await snap(page, 'supplies-09-stock-card');
    await expectAccessible(page, 'supplies-09-stock-card');

    await page.goto('/distributions/report');
    // four sets to three people: each person counts once
    await expect.poll(() => page.getByTestId('report-total-people').textContent()).toBe('3');
    const row = page.getByTestId('report-row').filter({ hasText: CENTRE.name });
    expect(await row.textContent()).toContain('4');
    await snap(page, 'supplies-10-report');
    await expectAccessible(page, 'supplies-10-report');
  });

  it('shows the same stock, card and report in Arabic, right to left', async () => {
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await stockAt(world.storeId);
    const row = page.locator(`[data-testid="stock-row"][data-item="${CLOTHING.code}"]`);
    await expect.poll(() => row.getByTestId('on-hand').textContent()).toBe(sets(96, 'ar'));
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(CLOTHING.nameAr);
    await expectAccessible(page, 'supplies-11-stock-ar');
    await row.getByTestId('stock-card-link').click();
    await expect.poll(() => page.getByTestId('closing-balance').textContent()).toBe(sets(96, 'ar'));
    await snap(page, 'supplies-12-stock-card-ar');
    await expectAccessible(page, 'supplies-12-stock-card-ar');
    await page.goto('/distributions/report');
    await expect.poll(() => page.getByTestId('report-total-people').textContent()).toBe('3');
    await page.getByText(ar.assistance.report.totalPeople).first().waitFor();
    await snap(page, 'supplies-13-report-ar');
    await expectAccessible(page, 'supplies-13-report-ar');
    // the first event: its three lines name the item in Arabic, and everyone there was served
    await page.goto(firstEventPath);
    const lines = page.getByTestId('lines-table');
    await expect.poll(() => lines.getByTestId('line-row').count()).toBe(3);
    // the local names come with the catalogue list, which may arrive after the lines
    await expect.poll(async () => (await lines.textContent()) ?? '').toContain(CLOTHING.nameAr);
    const facts = async () => (await page.getByTestId('distribution-page').textContent()) ?? '';
    await expect.poll(facts).toContain(CENTRE.nameAr);
    await expect.poll(facts).toContain(STORE.nameAr);
    await expect
      .poll(() => page.getByTestId('centre-people-total').textContent())
      .toBe(ar.assistance.people.total.replace('{{n}}', '3').replace('{{served}}', '3'));
    await snap(page, 'supplies-14-distribution-ar');
    await expectAccessible(page, 'supplies-14-distribution-ar');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
