// The returns journey (issue 13). A return officer opens a return request for Hawa Adam, held at
// Zawiya, counsels her and, on the case page, records her consent to return with the Embassy of
// Sudan as recipient (protection's consent form, its purpose and recipient fixed). Screened with a possible need for
// international protection, she is blocked at the protection step, which shows why; a protection
// officer clears her with a reason. The return officer drafts a request to the embassy for
// Sudanese nationals, sends it, records the embassy's confirmation (the case moves to nationality
// confirmed), records her emergency travel document and exit visa; the doctor's certificate
// (set up over the API) makes her fit to travel. A charter is planned, she is booked and her
// departure confirmed, and the centre's population falls by one. Her arrival is recorded on the
// case page, then a reintegration plan with an item, and the 3-month follow-up's survey. Every page is checked with axe in English and Arabic.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMBASSY_REQUEST_STATUS_LABELS } from '../src/domain/returns/embassy-labels.ts';
import { BLOCKER_LABELS, RETURN_STATE_LABELS } from '../src/domain/returns/labels.ts';
import type { ReturnState } from '../src/domain/returns/states.ts';
import { expectAccessible, launchBrowser, showIn, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import {
  CENTRE,
  EMBASSY,
  PARTNER,
  PROTECTION_OFFICER,
  RETURN_OFFICER,
  RETURNEE,
  type ReturnsWorld,
  returnsWorld,
  utcDay,
} from './support/returns.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let world: ReturnsWorld;
let casePath = '';
let reference = '';
let populationBefore = 0;
const pageErrors: string[] = [];
const NAME = `${RETURNEE.givenName} ${RETURNEE.familyName}`;
const strings = en as unknown as Record<string, Record<string, Record<string, string>>>;

const state = () => page.getByTestId('return-header').getByTestId('return-state').getAttribute('data-state');

/** Confirms the step to `to` on the case page and waits for the case to be there. */
async function moveTo(to: ReturnState) {
  await page.getByTestId(`to-${to}`).click();
  await page.getByTestId('step-confirm').click();
  await expect.poll(state).toBe(to);
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

const openCase = async () => {
  await page.goto(casePath);
  await page.getByTestId('return-header').waitFor();
};

/** The centre's population as its page shows it (more than five people: the figure is shown). */
async function population(): Promise<number> {
  await page.goto(`/centres/${world.centreId}`);
  const total = page.getByTestId('population-total');
  await total.waitFor();
  return Number(((await total.textContent()) ?? '').replace(/\D/g, ''));
}

beforeAll(async () => {
  server = await startServer();
  world = await returnsWorld(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('returns journey: from the request to the follow-up after return', () => {
  beforeAll(async () => {
    ({ context, page } = await openPage(browser, server.url, pageErrors, 30_000));
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `returns-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('records a return request for a person held at the centre', async () => {
    await page.goto('/');
    await signIn(page, RETURN_OFFICER);
    await page.goto('/returns');
    await expectAccessible(page, 'returns-01-list');
    await page.goto('/returns/new');
    await page.getByTestId('return-form').waitFor();
    await page.getByTestId('return-person-picker').click();
    await page.getByTestId('return-person-picker').fill(NAME);
    await page.getByRole('option', { name: new RegExp(world.person.registrationNumber) }).click();
    await expect.poll(() => page.getByTestId('return-person').textContent()).toContain(NAME);
    // the destination and the embassy follow from her nationality
    await expect.poll(() => page.getByTestId('return-embassy').inputValue()).toContain(EMBASSY.name);
    await expectAccessible(page, 'returns-02-new');
    await page.getByTestId('return-save').click();
    await page.waitForURL(/\/returns\/[0-9a-f-]{36}/);
    casePath = new URL(page.url()).pathname;
    await expect.poll(state).toBe('requested');
    reference = ((await page.locator('h1').textContent()) ?? '').split(' · ')[0]!.trim();
    expect(reference).toMatch(/RET/);
    expect(await page.getByTestId('return-details').textContent()).toContain(EMBASSY.name);
    await snap(page, 'returns-03-requested');
    await expectAccessible(page, 'returns-03-case');
  });

  it('counsels her; the consent to return (for the embassy) lets the case on', async () => {
    await moveTo('counselled');
    const consented = page.locator('[data-testid="return-step"][data-state="consented"]');
    await expect
      .poll(() => consented.locator('[data-blocker]').first().getAttribute('data-blocker'))
      .toBe('no_consent');
    expect(await page.getByTestId('to-consented').isDisabled()).toBe(true);
    // the case page offers the consent to return, for the case's embassy, fixed
    await page.getByTestId('return-consent-record').click();
    const form = page.getByTestId('consent-form');
    await form.waitFor();
    expect(await page.getByTestId('consent-recipient').inputValue()).toContain(EMBASSY.name);
    expect(await page.getByTestId('consent-recipient').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('consent-purpose').getAttribute('readonly')).not.toBeNull();
    await expectAccessible(page, 'returns-03b-consent');
    await page.getByTestId('consent-save').click();
    await expect.poll(() => page.getByTestId('to-consented').isEnabled()).toBe(true);
    expect(await page.getByTestId('return-consent-row').count()).toBe(1);
    await moveTo('consented');
  });

  it('blocks her at the protection step, which shows why', async () => {
    expect(await page.getByTestId('protection-gate').getAttribute('data-gate')).toBe('blocked');
    const step = page.locator('[data-testid="return-step"][data-state="protection_cleared"]');
    await expect.poll(() => step.locator('[data-blocker]').count()).toBe(1);
    expect(await step.locator('[data-blocker]').getAttribute('data-blocker')).toBe('protection_not_cleared');
    expect(await step.getByTestId('step-blockers').textContent()).toContain(
      BLOCKER_LABELS.protection_not_cleared.en,
    );
    expect(await page.getByTestId('to-protection_cleared').isDisabled()).toBe(true);
    // a return officer cannot clear it
    expect(await page.getByTestId('protection-clearance').count()).toBe(0);
    await snap(page, 'returns-04-blocked');
    await expectAccessible(page, 'returns-04-blocked');
  });

  it('a protection officer clears her with a reason', async () => {
    await context.close();
    ({ context, page } = await openPage(browser, server.url, pageErrors, 30_000));
    await page.goto('/');
    await signIn(page, PROTECTION_OFFICER);
    await openCase();
    await page.getByTestId('protection-clearance').waitFor();
    await expectAccessible(page, 'returns-05-clearance');
    await page
      .getByTestId('clearance-reason')
      .fill('Interviewed in Arabic: her fear concerned a family dispute now settled; she asks to go home.');
    await page.getByTestId('clearance-save').click();
    await expect
      .poll(() => page.getByTestId('protection-gate').getAttribute('data-gate'))
      .toBe('officer_cleared');
    const clearance = page.getByTestId('return-clearance');
    expect(await clearance.textContent()).toContain('family dispute now settled');
    expect(await clearance.textContent()).toContain(PROTECTION_OFFICER.name);
    await context.close();
    ({ context, page } = await openPage(browser, server.url, pageErrors, 30_000));
    await page.goto('/');
    await signIn(page, RETURN_OFFICER);
    await openCase();
    await moveTo('protection_cleared');
  });

  it('drafts a request to the embassy, sends it, and records the confirmation', async () => {
    await page.goto('/embassy-requests');
    await expectAccessible(page, 'returns-06-requests');
    await page.getByTestId('new-request').click();
    await page.waitForURL(/\/embassy-requests\/new/);
    await choose(page, 'request-embassy', EMBASSY.name);
    await expect.poll(() => page.getByTestId('request-nationality').inputValue()).toBe('SDN');
    const candidate = page.getByTestId('candidate-row');
    await expect.poll(() => candidate.count()).toBe(1);
    expect(await candidate.textContent()).toContain(world.person.registrationNumber);
    await expectAccessible(page, 'returns-07-new-request');
    await page.getByTestId('create-request').click();
    await page.waitForURL(/\/embassy-requests\/[0-9a-f-]{36}/);
    await page.getByTestId('send-panel').waitFor();
    await expectAccessible(page, 'returns-08-draft');
    await page.getByTestId('send-request').click();
    await page.getByTestId('answers-panel').waitFor();
    await choose(page, 'answer-select', strings.embassy!.answers!.confirmed!);
    await page.getByTestId('save-answers').click();
    await expect
      .poll(() => page.getByTestId('request-status').first().textContent())
      .toBe(EMBASSY_REQUEST_STATUS_LABELS.answered.en);
    // the list the embassy received names her by the fields of its sharing profile
    expect(await page.getByTestId('person-row').textContent()).toContain(world.person.registrationNumber);
    await snap(page, 'returns-09-answered');
    await expectAccessible(page, 'returns-09-answered');
    await openCase();
    await expect.poll(state).toBe('nationality_confirmed');
  });

  it('records her travel document and exit visa; the doctor found her fit to travel', async () => {
    await page.getByTestId('travel-documents-add').click();
    await page.getByTestId('travel-document-form').waitFor();
    await page.getByTestId('document-number').fill('SD-ETD-0042193');
    await page.getByTestId('document-issued').fill(utcDay(-1));
    await page.getByTestId('document-expires').fill(utcDay(60));
    await expectAccessible(page, 'returns-10-document-form');
    await page.getByTestId('document-save').click();
    await expect.poll(() => page.getByTestId('travel-document').count()).toBe(1);
    await moveTo('travel_document_issued');
    await page.getByTestId('exit-clearances-add').click();
    await page.getByTestId('exit-clearance-form').waitFor();
    await page.getByTestId('exit-reference').fill('DCIM-EXIT-7781');
    await page.getByTestId('exit-issued').fill(utcDay());
    await page.getByTestId('exit-valid-until').fill(utcDay(14));
    await page.getByTestId('exit-save').click();
    await expect.poll(() => page.getByTestId('exit-clearance').count()).toBe(1);
    await moveTo('exit_cleared');
    expect(await page.getByTestId('return-fitness').textContent()).toContain(strings.returns!.fitness!.fit!);
    await moveTo('fit_to_travel');
    await snap(page, 'returns-11-fit');
    await expectAccessible(page, 'returns-11-fit');
  });

  it('books her on a charter and confirms her departure: the centre holds one person fewer', async () => {
    populationBefore = await population();
    expect(populationBefore).toBe(7);
    await page.goto('/movements/new');
    const form = page.getByTestId('movement-form');
    await form.waitFor();
    const mv = en as unknown as { movements: { fields: Record<string, string> } };
    await form.getByLabel(mv.movements.fields.departsOn!).fill(utcDay());
    await form.getByLabel(mv.movements.fields.route!).fill('MJI → KRT');
    await form.getByLabel(mv.movements.fields.destinationCountry!).fill('SDN');
    await form.getByLabel(mv.movements.fields.carrier!).fill('Tarco Aviation');
    await form.getByLabel(mv.movements.fields.flightNumber!).fill('3T 1402');
    await form.getByLabel(mv.movements.fields.seats!).fill('40');
    await expectAccessible(page, 'returns-12-new-movement');
    await page.getByTestId('movement-save').click();
    await page.waitForURL(/\/movements\/[0-9a-f-]{36}/);
    // the country of return by its name, not its code
    const movement = page.getByTestId('movement-details');
    await expect.poll(() => movement.textContent()).toContain('Sudan');
    expect(await movement.textContent()).not.toContain('SDN');
    await page.getByTestId('passenger-reference').fill(reference);
    await page.getByTestId('add-passenger').getByRole('button').click();
    const row = page.getByTestId('passenger-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('passenger-status').textContent()).toBe(
      strings.movements!.passengerStatuses!.booked,
    );
    await expectAccessible(page, 'returns-13-booked');
    await row.getByTestId('departure-choice').getByText(strings.movements!.choice!.departed!).click();
    await page.getByTestId('departure-form').getByRole('button').click();
    await expect
      .poll(() => row.getByTestId('passenger-status').textContent())
      .toBe(strings.movements!.passengerStatuses!.departed);
    await snap(page, 'returns-14-departed');
    await expectAccessible(page, 'returns-14-departed');
    await page.goto('/movements');
    await expect.poll(() => page.getByTestId('movement-row').count()).toBe(1);
    await expectAccessible(page, 'returns-15-movements');
    await expect.poll(population).toBe(populationBefore - 1);
    await expectAccessible(page, 'returns-16-centre');
    await openCase();
    await expect.poll(state).toBe('departed');
  });

  it('after her arrival: a reintegration plan with an item, and the 3-month survey', async () => {
    await page.getByTestId('arrival-form').waitFor();
    await page.getByTestId('arrival-date').fill(utcDay());
    await expectAccessible(page, 'returns-17-arrival');
    await page.getByTestId('arrival-save').click();
    await expect.poll(state).toBe('arrived');
    expect(await page.getByTestId('arrival-form').count()).toBe(0);
    const plan = page.getByTestId('plan-form');
    await plan.waitFor();
    await choose(page, 'plan-partner', PARTNER.name);
    await page.getByTestId('plan-currency').fill('USD');
    await page.getByTestId('plan-agreed-on').fill(utcDay());
    await expectAccessible(page, 'returns-17a-plan-form');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan').waitFor();
    await expect.poll(state).toBe('reintegration_planned');
    await page.getByTestId('item-add').click();
    await page.getByTestId('item-form').waitFor();
    await page.getByTestId('item-budget').fill('600');
    await page.getByTestId('item-description').fill('Tools and stock for a small tailoring business');
    await page.getByTestId('item-save').click();
    await expect.poll(() => page.getByTestId('item').count()).toBe(1);
    const three = page.locator('[data-testid="follow-up"][data-months="3"]');
    await three.waitFor();
    await three.getByTestId('follow-up-record').click();
    const survey = page.getByTestId('survey-form');
    await survey.waitFor();
    const questions = survey.locator('[data-testid^="survey-q-"]');
    const n = await questions.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await questions.nth(i).getByRole('radio').last().check();
    await expectAccessible(page, 'returns-17b-survey');
    await page.getByTestId('survey-save').click();
    await expect.poll(() => three.getAttribute('data-done')).toBe('true');
    await three.getByTestId('scores').waitFor();
    await snap(page, 'returns-18-followed-up');
    await expectAccessible(page, 'returns-18-case');
    // the 6- and 12-month follow-ups are still to come; the one done is no longer due
    await page.goto('/reintegration-follow-ups');
    await page.getByTestId('due-filter').getByText(strings.reintegration!.due!.upcoming!).click();
    await expect.poll(() => page.getByTestId('due-follow-up').count()).toBe(2);
    expect(await page.getByTestId('due-list').textContent()).toContain(reference);
    await expectAccessible(page, 'returns-19-follow-ups-due');
    // and her record shows the return where it stands
    await page.goto(`/persons/${world.person.id}?tab=returns`);
    const mine = page.getByTestId('person-return');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('return-state').getAttribute('data-state')).toBe('reintegration_planned');
    await expectAccessible(page, 'returns-20-person');
  });

  it('shows the case in Arabic, right to left', async () => {
    await openCase();
    await showIn(page, 'ar');
    await expect
      .poll(() => page.getByTestId('return-header').getByTestId('return-state').textContent())
      .toBe(RETURN_STATE_LABELS.reintegration_planned.ar);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('reintegration').textContent()).toContain(ar.reintegration.title);
    // the English reason, the officer's name and the Arabic date each keep their own direction
    expect(await page.getByTestId('return-clearance').locator('bdi').count()).toBe(3);
    // the embassy and the centre by their Arabic names
    const details = (await page.getByTestId('return-details').textContent()) ?? '';
    expect(details).toContain(EMBASSY.nameAr);
    expect(details).toContain(CENTRE.nameAr);
    await snap(page, 'returns-21-case-ar');
    await showIn(page, 'en');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
