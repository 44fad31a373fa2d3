// The health journeys. The clinic: a nurse opens today's clinic from its weekly schedule, adds a
// patient found by another spelling, records suspected scabies with a prescription of permethrin
// cream to be handed over later, dispenses it from the consultation's record, and sees the
// pharmacy's stock fall and the week's scabies count rise; two more cases (over the API) push the
// centre past 20 per 1,000, and the alert shows on the surveillance page and in the alerts list,
// where the nurse verifies it. Counselling: a counsellor records an individual session with a K10
// whose self-harm answer is yes and finds the urgent follow-up on their home; a doctor opening the
// person's Counselling tab sees only that a session took place. Hospital: the doctor refers the
// clinic's patient to the hospital from the consultation's record, records the medical consent the
// referral asks for, and lands on the referral's page. Each page is checked with axe in
// English and Arabic; the phone width is checked on the consultation form and the surveillance table.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_STATUS_LABELS } from '../src/domain/health/alert-rules.ts';
import { MHPSS_INTERVENTION_LABELS, PRESENTING_PROBLEM_LABELS } from '../src/domain/health/counselling.ts';
import { DISTRESS_BAND_LABELS, SELF_HARM_ANSWER_LABELS } from '../src/domain/health/distress.ts';
import { SYNDROME_LABELS } from '../src/domain/health/syndromes.ts';
import { isoWeekOf } from '../src/domain/health/weeks.ts';
import { SERVICE_LABELS } from '../src/domain/protection/sharing.ts';
import { expectAccessible, launchBrowser, showIn, snap } from './support/browser.ts';
import {
  CENTRE,
  COUNSELLOR,
  DOCTOR,
  type HealthWorld,
  HOSPITAL,
  HOSPITAL_LABEL,
  healthWorld,
  LOT,
  NURSE,
  PERMETHRIN,
  scabiesOverApi,
  utcDay,
} from './support/health.ts';
import { ar, en } from './support/i18n';
import { choose, DESKTOP, openPage, signIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let world: HealthWorld;
let sessionId = '';
let consultationPath = '';
const pageErrors: string[] = [];
const PHONE = { width: 375, height: 740 };

const testIdOfFocus = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
/** The page itself does not scroll sideways (a table may, inside its own box). */
const overflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** On-hand units of the medicine at the pharmacy, as the stock page shows them. */
async function onHandAtPharmacy(): Promise<string | null> {
  await page.goto(`/stock?stockPointId=${world.pharmacyId}`);
  await page.getByTestId('stock-table').waitFor();
  return page
    .locator(`[data-testid="stock-row"][data-item="${PERMETHRIN.code}"]`)
    .getByTestId('on-hand')
    .getAttribute('data-value');
}

/** The week's scabies cell of the centre on the surveillance page. */
const scabiesCell = () =>
  page
    .getByTestId('surveillance-row')
    .filter({ hasText: new RegExp(`${CENTRE.name}|${CENTRE.nameAr}`) })
    .getByTestId('cell-scabies');

beforeAll(async () => {
  server = await startServer();
  world = await healthWorld(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('health journey: the weekly clinic', () => {
  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `health-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
  });

  it("opens today's clinic from its schedule and adds a patient found by another spelling", async () => {
    await page.goto('/');
    await signIn(page, NURSE);
    await page.goto('/clinic');
    await page.getByTestId('clinic-scheduled-card').waitFor();
    await expectAccessible(page, 'health-01-today');
    await page.getByTestId('open-session').click();
    await page.waitForURL(/\/clinic-sessions\/[0-9a-f-]{36}$/);
    sessionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('empty-queue').waitFor();
    await page.getByTestId('queue-add').click();
    await page.keyboard.type('Yonas Hayle');
    // Enter as soon as it is typed: the first match is added once the server has answered
    await page.keyboard.press('Enter');
    const row = page.getByTestId('queue-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Yonas Haile');
    expect(await row.getAttribute('data-status')).toBe('waiting');
    await snap(page, 'health-02-queue');
    await expectAccessible(page, 'health-02-queue');
  });

  it('records suspected scabies with a prescription of permethrin, with the keyboard', async () => {
    await page.getByTestId('consult').click();
    await page.getByTestId('consultation-form').waitFor();
    await expect.poll(testIdOfFocus).toBe('complaint');
    await page.keyboard.type('Itching for two weeks, worse at night; papules between the fingers');
    await page.getByTestId('vital-temperatureC').fill('36.8');
    const search = page.getByTestId('diagnosis-search');
    await search.fill('scab');
    await page.getByTestId('diagnosis-search-option').first().waitFor();
    expect(await page.getByTestId('diagnosis-search-option').first().textContent()).toContain('B86');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('diagnosis-row').textContent()).toContain('B86');
    await page.getByTestId('rx-add').click();
    await choose(page, 'rx-item', `${PERMETHRIN.code} · ${PERMETHRIN.name} ${PERMETHRIN.strength}`);
    // the pharmacy's stock shows beside the item
    await expect.poll(() => page.getByTestId('rx-on-hand').textContent()).toContain(String(LOT.quantity));
    await page.getByTestId('rx-dose').fill('Apply to the whole body');
    await page.getByTestId('rx-frequency').selectOption('once');
    await page.getByTestId('rx-days').fill('1');
    await page.getByTestId('rx-quantity').fill('2');
    // handed over later, from the record
    await page.getByTestId('rx-dispense').uncheck({ force: true });
    await snap(page, 'health-03-consultation');
    await expectAccessible(page, 'health-03-consultation');
    await page.setViewportSize(PHONE);
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'health-04-consultation-phone');
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL((u) => u.pathname === `/clinic-sessions/${sessionId}`);
    const row = page.getByTestId('queue-row');
    await expect.poll(() => row.getAttribute('data-status')).toBe('seen');
    await row.getByTestId('open-consultation').click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    consultationPath = new URL(page.url()).pathname;
    await page.getByTestId('not-dispensed').waitFor();
    expect(await page.getByTestId('record-diagnoses').textContent()).toContain('B86');
  });

  it('dispenses the cream from the record: the lot is shown and the stock falls', async () => {
    expect(await onHandAtPharmacy()).toBe(String(LOT.quantity));
    await page.goto(consultationPath);
    await page.getByTestId('dispense').click();
    await expect.poll(() => page.getByTestId('record-prescription').textContent()).toContain(LOT.lotNumber);
    expect(await page.getByTestId('not-dispensed').count()).toBe(0);
    await snap(page, 'health-05-dispensed');
    await expectAccessible(page, 'health-05-record');
    await expect.poll(onHandAtPharmacy).toBe(String(LOT.quantity - 2));
  });

  it("counts the case in the week's surveillance table, and raises the alert past the threshold", async () => {
    await page.goto('/surveillance');
    const cell = scabiesCell();
    await expect.poll(() => cell.getAttribute('data-cases')).toBe('1');
    // one of the four people held there this week
    expect(await cell.textContent()).toContain('250');
    expect(await cell.getAttribute('data-alert')).toBeNull();
    await snap(page, 'health-06-surveillance-one');
    // two more people with scabies this week: 3 of 4 held, far past 20 per 1,000
    for (const p of world.people.slice(1, 3)) await scabiesOverApi(world, sessionId, p.id);
    await page.reload();
    await expect.poll(() => scabiesCell().getAttribute('data-cases')).toBe('3');
    expect(await scabiesCell().textContent()).toContain('750');
    expect(await scabiesCell().getAttribute('data-alert')).toBe('new');
    await page.getByTestId('open-alert').first().waitFor();
    await snap(page, 'health-07-surveillance-alert');
    await expectAccessible(page, 'health-07-surveillance');
    await page.setViewportSize(PHONE);
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'health-08-surveillance-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('lists the alert, and the nurse verifies it', async () => {
    await page.goto('/alerts');
    const row = page.getByTestId('alert-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Abu Salim');
    expect(await row.getByTestId('alert-status').textContent()).toBe(ALERT_STATUS_LABELS.new.en);
    await expectAccessible(page, 'health-09-alerts');
    await row.getByTestId('alert-link').click();
    await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    await page.getByTestId('alert-verify').click();
    await page.getByTestId('alert-note').fill('Three cases in one dormitory; skin checks for all');
    await page.getByTestId('alert-confirm').click();
    await expect
      .poll(() => page.getByTestId('alert-status').first().textContent())
      .toBe(ALERT_STATUS_LABELS.verified.en);
    await expect.poll(() => page.getByTestId('alert-acted').first().textContent()).toContain(NURSE.name);
    await snap(page, 'health-10-alert-verified');
    await expectAccessible(page, 'health-10-alert');
  });

  it('shows the week and the alert in Arabic, right to left', async () => {
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.goto(`/surveillance?week=${isoWeekOf(utcDay())}`);
    await expect.poll(() => scabiesCell().getAttribute('data-alert')).toBe('verified');
    await page.getByText(ar.surveillance.title).first().waitFor();
    const table = page.getByTestId('surveillance-table');
    expect(await table.textContent()).toContain(SYNDROME_LABELS.scabies.ar);
    // the centre by its Arabic name, from the directory
    await expect.poll(async () => (await table.textContent()) ?? '').toContain(CENTRE.nameAr);
    await snap(page, 'health-11-surveillance-ar');
    await page.goto('/alerts');
    await expect
      .poll(() => page.getByTestId('alert-row').getByTestId('alert-status').textContent())
      .toBe(ALERT_STATUS_LABELS.verified.ar);
    // the alert names its centre in Arabic too (the directory's name, not the one recorded)
    await expect
      .poll(() => page.getByTestId('alert-row').getByTestId('alert-centre').textContent())
      .toBe(CENTRE.nameAr);
    await page.goto(`/clinic-sessions/${sessionId}`);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(3);
    await snap(page, 'health-12-queue-ar');
    // the record names the cream and the diagnosis in Arabic
    await page.goto(consultationPath);
    await expect
      .poll(() => page.getByTestId('record-prescription').textContent())
      .toContain(PERMETHRIN.nameAr);
    expect(await page.getByTestId('record-diagnoses').textContent()).toContain('جرب');
    await snap(page, 'health-13-record-ar');
    await showIn(page, 'en');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('health journey: counselling', () => {
  const fatima = () => world.people[3]!;

  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `counselling-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('records an individual session with a K10 and thoughts of self-harm: an urgent follow-up', async () => {
    await page.goto('/');
    await signIn(page, COUNSELLOR);
    await page.getByTestId('my-follow-ups').getByTestId('no-follow-ups').waitFor();
    await page.goto('/counselling/new');
    await page.getByTestId('session-form').waitFor();
    await page.getByTestId('session-person').click();
    await page.keyboard.type('Fatma Idriss');
    await page
      .getByRole('option', { name: new RegExp(`Fatima Idris · ${fatima().registrationNumber}`) })
      .click();
    await expect.poll(() => page.getByTestId('session-people').textContent()).toContain('Fatima Idris');
    // the centre follows from where she is held
    await expect.poll(() => page.getByTestId('session-centre').inputValue()).toBe('Abu Salim');
    await choose(page, 'session-problems', PRESENTING_PROBLEM_LABELS.low_mood.en);
    await page.keyboard.press('Escape');
    // the K10 by keyboard: a digit answers a question and moves to the next
    await page.getByTestId('question-1').getByRole('radio').first().focus();
    await page.keyboard.type('4343443434');
    await expect
      .poll(() => page.getByTestId('live-band').textContent())
      .toBe(DISTRESS_BAND_LABELS.very_high.en);
    await page.getByTestId('self-harm').getByRole('radio', { name: SELF_HARM_ANSWER_LABELS.yes.en }).check();
    await page.getByTestId('urgent-notice').waitFor();
    await choose(page, 'session-interventions', MHPSS_INTERVENTION_LABELS.psychological_first_aid.en);
    await page.keyboard.press('Escape');
    await page.getByTestId('session-notes').fill('Says she cannot sleep since her brother was moved');
    await snap(page, 'counselling-01-form');
    await expectAccessible(page, 'counselling-01-form');
    await page.getByTestId('session-save').click();
    await page.waitForURL(/\/counselling\/[0-9a-f-]{36}/);
    await page.getByTestId('session-notes-view').waitFor();
    await expectAccessible(page, 'counselling-02-session');
    await page.goto('/');
    const urgent = page.getByTestId('my-follow-ups').locator('[data-testid="follow-up"][data-urgent="true"]');
    await expect.poll(() => urgent.count()).toBe(1);
    expect(await urgent.textContent()).toContain('Fatima Idris');
    await snap(page, 'counselling-03-home');
    await expectAccessible(page, 'counselling-03-home');
  });

  it("shows a doctor only that a session took place, on the person's Counselling tab", async () => {
    await context.close();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
    await page.goto('/');
    await signIn(page, DOCTOR);
    // a doctor's home is today's clinic: the session the nurse opened, three patients seen
    const card = page.getByTestId('clinic-home').getByTestId('clinic-session-card');
    await expect.poll(async () => (await card.textContent()) ?? '').toContain(NURSE.name);
    await page.goto(`/persons/${fatima().id}`);
    await page.getByTestId('tab-counselling').click();
    await page.getByTestId('counselling-stub').waitFor();
    expect(await page.getByTestId('counselling-stub').textContent()).toContain(COUNSELLOR.name);
    expect(await page.getByTestId('counselling-sessions').count()).toBe(0);
    const text = (await page.getByTestId('person-page').textContent()) ?? '';
    expect(text).not.toContain('cannot sleep');
    expect(text).not.toContain(DISTRESS_BAND_LABELS.very_high.en);
    await snap(page, 'counselling-04-doctor-stub');
    await expectAccessible(page, 'counselling-04-doctor-stub');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('health journey: the doctor refers the patient to hospital', () => {
  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `hospital-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('refers from the consultation, with the medical consent, and sees the referral', async () => {
    await page.goto('/');
    await signIn(page, DOCTOR);
    await page.goto(consultationPath);
    const refer = page.getByTestId('refer-to-hospital');
    await refer.waitFor();
    // the scabies was treated: referring is offered beside the record, not as its main action
    expect(await refer.getAttribute('data-emphasis')).toBe('secondary');
    await refer.click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}\/refer-to-hospital/);
    await page.getByTestId('referral-form').waitFor();
    // the service is fixed: the doctor may refer for nothing else
    expect(await page.getByTestId('referral-service').inputValue()).toBe(SERVICE_LABELS.medical!.en);
    await choose(page, 'referral-recipient', HOSPITAL_LABEL);
    await page
      .getByTestId('referral-reason')
      .fill('Extensive infected scabies lesions not responding to treatment; needs dermatology review.');
    await expectAccessible(page, 'hospital-01-form');
    await page.getByTestId('referral-save').click();
    await page.getByTestId('consent-missing').waitFor();
    await page.getByTestId('record-consent-now').click();
    await page.getByTestId('consent-form').waitFor();
    // the consent a hospital referral needs, the only purpose a doctor records
    expect(await page.getByTestId('consent-purpose').inputValue()).toBe(en.consent.purposes.medical);
    await page.getByTestId('consent-purpose').click();
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('consent-recipient').inputValue()).toBe(HOSPITAL_LABEL);
    await choose(page, 'consent-language', 'Arabic', 'Arab');
    await expectAccessible(page, 'hospital-02-consent');
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-recorded').waitFor();
    await page.getByTestId('referral-save').click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}/);
    await page.getByTestId('referral-page').waitFor();
    expect(await page.getByTestId('referral-details').textContent()).toContain(HOSPITAL.name);
    await snap(page, 'hospital-03-referral');
    await expectAccessible(page, 'hospital-03-referral');
  });

  it('shows the referral and the form in Arabic, right to left', async () => {
    // a reload shows the account's language again: switch after each page load
    const referralPath = new URL(page.url()).pathname;
    await page.goto(referralPath);
    await page.getByTestId('referral-page').waitFor();
    await showIn(page, 'ar');
    expect(await page.getByTestId('referral-details').textContent()).toContain(SERVICE_LABELS.medical!.ar);
    await expectAccessible(page, 'hospital-04-referral-ar');
    await page.goto(consultationPath);
    await page.getByTestId('refer-to-hospital').click();
    await page.getByTestId('referral-form').waitFor();
    await showIn(page, 'ar');
    expect(await page.getByTestId('referral-service').inputValue()).toBe(SERVICE_LABELS.medical!.ar);
    await expectAccessible(page, 'hospital-05-form-ar');
    await showIn(page, 'en');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
