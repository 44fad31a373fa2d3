// The referral journey: an administrator says what UNHCR may receive and which services it
// takes; a protection officer screens a man with signs of trafficking (high risk, trafficking
// flag; no pregnancy question for a man), is offered "Refer" at once and only the organisations
// that take the service (never an embassy, nor one without a sharing profile), is told consent is
// missing when referring him, records it, refers him to UNHCR and follows the referral to
// "accepted"; the timeline shows it and the packet downloads. (What follows a referral — notes,
// tasks, cases, overdue work — is protection-follow-up.e2e.test.ts.)
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import { noDialog, OFFICER, protectionWorld, step, UNHCR_LABEL } from './support/protection.ts';
import { type RunningServer, startServer } from './support/server.ts';

const SHARED = [
  'registrationNumber',
  'givenName',
  'familyName',
  'fullNameOriginal',
  'sex',
  'nationality',
  'languages',
  'protectionFlags',
  'riskLevel',
  'referralReason',
];
const TAKES = ['international_protection', 'refugee_status_determination', 'resettlement', 'legal'];
const SHELTER = { name: 'Safe House Tripoli', kind: 'partner_ngo' };
const OTHERS = [
  { name: 'Embassy of Sudan', kind: 'embassy', countryCode: 'SDN' },
  { name: 'Directorate for Combating Illegal Migration', kind: 'authority' },
  { name: 'No Profile Aid', kind: 'partner_ngo' },
];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
let unhcrId = '';
let personId = '';
let acceptedReference = '';
const pageErrors: string[] = [];

/** Answers a yes / no / unknown question of the screening form. */
const answer = (key: string, value: 'yes' | 'no' | 'unknown') =>
  page.getByTestId(`q-${key}-${value}`).check();

describe('protection referral journey', () => {
  beforeAll(async () => {
    server = await startServer();
    ({ admin, unhcrId, personId } = await protectionWorld(server));
    // a shelter NGO takes shelter referrals; an embassy and the authority have profiles taking
    // everything, and still are never offered; the last NGO has no profile at all
    const everything = { fields: ['givenName'], services: ['international_protection', 'shelter', 'legal'] };
    const shelterId = (await admin.post<{ id: string }>('/organisations', SHELTER)).id;
    await admin.put(`/organisations/${shelterId}/sharing-profile`, {
      fields: ['givenName'],
      services: ['shelter'],
    });
    for (const o of OTHERS) {
      const id = (await admin.post<{ id: string }>('/organisations', o)).id;
      if (o.kind !== 'partner_ngo') await admin.put(`/organisations/${id}/sharing-profile`, everything);
    }
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  // a failing step leaves a picture of the page behind
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `protection-referral-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the administrator choose the fields UNHCR may receive', async () => {
    // the administrator's session (second factor enrolled over the API) is handed to the browser
    await context.addCookies(admin.cookies().map((c) => ({ ...c, url: server.url })));
    await page.goto(`/organisations/${unhcrId}`);
    const panel = page.getByTestId('sharing-profile');
    await panel.waitFor();
    for (const f of SHARED) await page.getByTestId(`share-${f}`).check();
    for (const s of TAKES) await page.getByTestId(`takes-${s}`).check();
    await snap(page, 'protection-01-sharing-profile');
    await expectAccessible(page, 'protection-01-sharing-profile');
    await page.getByTestId('sharing-save').click();
    await panel.getByTestId('saved').waitFor();
    const profile = await admin.get<{ fields: string[]; services: string[] }>(
      `/organisations/${unhcrId}/sharing-profile`,
    );
    expect(profile.fields.sort()).toEqual([...SHARED].sort());
    expect(profile.services.sort()).toEqual([...TAKES].sort());
    await context.clearCookies();
  });

  it('screens Adam Ibrahim: forced labour, documents taken and confinement give high risk and the trafficking flag', async () => {
    await page.goto('/');
    await signIn(page, OFFICER);
    await page.goto(`/persons/${personId}`);
    await page.getByTestId('tab-protection').click();
    await page.getByTestId('not-screened').waitFor();
    await page.getByTestId('new-screening').click();
    await page.getByTestId('screening-form').waitFor();

    // nothing answered: the required questions are marked, and the focus goes to the first
    await page.getByTestId('screening-save').click();
    await expect.poll(() => page.locator('[data-invalid="true"]').count()).toBeGreaterThan(5);

    await choose(page, 'interview-language', 'Arabic', 'Arab');
    await page.getByTestId('interpreter').check();
    await page.getByTestId('q-age').fill('27');
    await answer('ch_minor', 'no');
    // under 18 or not: the separated-child questions stay hidden for an adult
    expect(await page.getByTestId('q-ch_separated').count()).toBe(0);
    await answer('he_urgent_care', 'no');
    await answer('he_serious_condition', 'no');
    await answer('he_disability', 'no');
    // Adam is a man: the pregnancy question is not asked
    expect(await page.getByTestId('q-he_pregnant').count()).toBe(0);
    await page.getByTestId('q-tr_recruitment-deceived_job').check();
    await answer('tr_debt', 'no');
    await answer('tr_documents_taken', 'yes');
    await answer('tr_threats_violence', 'no');
    await answer('tr_forced_labour', 'yes');
    await answer('tr_sexual_exploitation', 'no');
    await answer('tr_forced_begging_crime', 'no');
    await answer('tr_confinement', 'yes');
    await answer('tr_wages_withheld', 'unknown');
    await answer('tr_ransom', 'no');
    await answer('ip_fear_of_return', 'no');
    await answer('ip_origin_conflict', 'no');
    await answer('ip_unhcr_registered', 'no');
    await answer('vi_torture', 'no');
    // the GBV question is asked only when the person agrees to be asked
    expect(await page.getByTestId('q-vi_gbv').count()).toBe(0);
    await answer('vi_gbv_consent', 'no');
    expect(await page.getByTestId('q-vi_gbv').count()).toBe(0);

    // the live outcome, with the rules that explain it
    const preview = page.getByTestId('outcome-preview');
    await expect
      .poll(() => preview.getByTestId('risk-level').first().getAttribute('data-level'))
      .toMatch(/^(high|critical)$/);
    await preview.locator('[data-flag="trafficking_victim_suspected"]').first().waitFor();
    expect(await preview.getByTestId('matched-rule').count()).toBeGreaterThanOrEqual(3);
    expect(await preview.textContent()).toContain('Forced labour.');
    await snap(page, 'protection-02-screening-form');
    await expectAccessible(page, 'protection-02-screening-form');

    await page.getByTestId('screening-save').click();
    await page.waitForURL(/\/screenings\/[0-9a-f-]{36}/);
    await page.getByTestId('saved').waitFor();
    const outcome = page.getByTestId('screening-outcome');
    expect(await outcome.getByTestId('risk-level').first().getAttribute('data-level')).toMatch(
      /^(high|critical)$/,
    );
    await outcome.locator('[data-flag="trafficking_victim_suspected"]').waitFor();
    expect(await page.getByTestId('answer-tr_forced_labour').textContent()).toContain(
      en.screening.values.yes,
    );
    expect(await page.getByTestId('answer-vi_gbv').count()).toBe(0);
    await snap(page, 'protection-03-screening-saved');
    await expectAccessible(page, 'protection-03-screening-saved');
  });

  it('offers "Refer" from the outcome, and only the organisations that take the service', async () => {
    // trafficking calls for a shelter first: the form opens with that service filled in
    await page.getByTestId('screening-refer').click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}\?.*refer=shelter/);
    const form = page.getByTestId('referral-form');
    await form.waitFor();
    expect(await page.getByTestId('referral-service').inputValue()).toBe('Shelter');
    // the latest screening's flag is linked to the referral by default
    expect(await page.getByTestId('linked-flag-trafficking_victim_suspected').isChecked()).toBe(true);
    const offered = async () => {
      await page.getByTestId('referral-recipient').click();
      const names = await page.getByRole('option').allTextContents();
      await page.keyboard.press('Escape');
      return names;
    };
    await expect.poll(offered).toEqual([SHELTER.name]);
    await choose(page, 'referral-service', 'International protection');
    // never the embassy of Sudan or the authority (profiles or not), nor an NGO without a profile
    await expect.poll(offered).toEqual([UNHCR_LABEL]);
    await snap(page, 'protection-03b-eligible-recipients');
    await form.getByRole('button', { name: en.common.cancel }).click();
    await noDialog(page);
  });

  it('lists Adam on the officer’s home among the flagged people not yet referred', async () => {
    await page.goto('/');
    const panel = page.getByTestId('awaiting-referral');
    await panel.getByTestId('awaiting-person').filter({ hasText: 'Adam Ibrahim' }).waitFor();
    await panel.getByTestId('awaiting-refer').first().waitFor();
  });

  it('is told consent is missing when referring to UNHCR, records it (verbal, Arabic, interpreter) and refers', async () => {
    await page.goto(`/persons/${personId}?tab=protection`);
    await page
      .getByTestId('protection-summary')
      .locator('[data-flag="trafficking_victim_suspected"]')
      .waitFor();
    await page.getByTestId('refer').click();
    await choose(page, 'referral-service', 'International protection');
    await choose(page, 'referral-recipient', UNHCR_LABEL);
    await choose(page, 'referral-urgency', 'Priority');
    await page
      .getByTestId('referral-reason')
      .fill('Signs of trafficking: forced labour, documents taken, confinement. Fears return to Darfur.');
    expect(await page.getByTestId('linked-flag-trafficking_victim_suspected').isChecked()).toBe(true);
    await page.getByTestId('referral-save').click();
    const missing = page.getByTestId('consent-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('has not given consent');
    // a protection officer may override with a reason; here the person is asked instead
    await missing.getByTestId('consent-override').waitFor();
    await snap(page, 'protection-04-consent-missing');
    await expectAccessible(page, 'protection-04-consent-missing');

    await page.getByTestId('record-consent-now').click();
    const form = page.getByTestId('consent-form');
    await form.waitFor();
    // filled in from the referral, once the organisations are in
    await expect.poll(() => page.getByTestId('consent-recipient').inputValue()).toBe(UNHCR_LABEL);
    await page.getByTestId('consent-given').check();
    await page.getByTestId('consent-method-verbal').check();
    await choose(page, 'consent-language', 'Arabic', 'Arab');
    await page.getByTestId('consent-interpreter').check();
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-recorded').waitFor();
    await page.getByTestId('referral-save').click();

    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}/);
    await page.getByTestId('saved').waitFor();
    acceptedReference = ((await page.getByTestId('referral-reference').textContent()) ?? '').trim();
    expect(acceptedReference).toMatch(/-R-\d{4}-\d{5}$/);
    expect(await page.getByTestId('referral-status').first().textContent()).toBe(
      en.protection.referralStatuses.draft,
    );
  });

  it('sends the referral, and records that UNHCR acknowledged and accepted it', async () => {
    await step(page, 'sent');
    await step(page, 'acknowledged', 'Confirmed by the UNHCR protection unit by phone');
    await step(page, 'accepted');
    await expect.poll(() => page.getByTestId('referral-event').count()).toBe(4);
    expect(await page.getByTestId('referral-events').textContent()).toContain(
      'Confirmed by the UNHCR protection unit',
    );
    expect(await page.getByTestId('referral-actions').getByTestId('to-completed').count()).toBe(1);
    await snap(page, 'protection-05-referral-accepted');
    await expectAccessible(page, 'protection-05-referral-accepted');
  });

  it('downloads the referral packet as a PDF', async () => {
    const response = page.waitForResponse((r) => r.url().includes('/packet?'));
    const download = page.waitForEvent('download');
    await page.getByTestId('packet-download').click();
    const res = await response;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await download).suggestedFilename()).toBe(`${acceptedReference}.pdf`);
  });

  it('shows the screening and the referral on the person’s timeline', async () => {
    await page.goto(`/persons/${personId}`);
    await page.locator('[data-testid="timeline-item"][data-kind="screening"]').waitFor();
    const referral = page.locator('[data-testid="timeline-item"][data-kind="referral"]');
    await referral.waitFor();
    expect(await referral.textContent()).toContain(acceptedReference);
    await snap(page, 'protection-06-timeline');
    await expectAccessible(page, 'protection-06-timeline');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
