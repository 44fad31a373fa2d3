// The protection journey: an administrator says what UNHCR may receive and which services it
// takes; a protection officer screens a man with signs of trafficking (high risk, trafficking
// flag; no pregnancy question for a man), is offered "Refer" at once and only the organisations
// that take the service (never an embassy, nor one without a sharing profile), is told consent is
// missing when referring him, records it, refers him to UNHCR and follows the referral to
// "accepted"; the timeline shows it and the packet downloads. Then the clock moves ten days on:
// an unanswered second referral is listed as overdue, the accepted one is not.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap, watchConsole } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, signIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const OFFICER = { username: 'po.layla', password: 'Protection-officer-2026', name: 'Layla Mansour' };
const CENTRE = { name: 'Tariq al-Matar', nameAr: 'طريق المطار', type: 'detention', capacity: 300 };
const UNHCR = {
  name: 'UNHCR Libya',
  nameAr: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
  acronym: 'UNHCR',
  kind: 'un_agency',
};
const UNHCR_LABEL = 'UNHCR Libya (UNHCR)';
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

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: ApiSession;
let unhcrId = '';
const SHELTER = { name: 'Safe House Tripoli', kind: 'partner_ngo' };
const OTHERS = [
  { name: 'Embassy of Sudan', kind: 'embassy', countryCode: 'SDN' },
  { name: 'Directorate for Combating Illegal Migration', kind: 'authority' },
  { name: 'No Profile Aid', kind: 'partner_ngo' },
];
let personId = '';
let acceptedReference = '';
let pendingReference = '';
const pageErrors: string[] = [];

async function newContext(url: string) {
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: url });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  watchConsole(page, pageErrors);
}

/** Answers a yes / no / unknown question of the screening form. */
const answer = (key: string, value: 'yes' | 'no' | 'unknown') =>
  page.getByTestId(`q-${key}-${value}`).check();

/** Waits until no dialog is open (nor closing), e.g. before a screenshot. */
const noDialog = () => expect.poll(() => page.getByRole('dialog').count()).toBe(0);

/** Moves the open referral one step on, with an optional note, and waits for the new status. */
async function step(to: string, note?: string) {
  await page.getByTestId(`to-${to}`).click();
  if (note) await page.getByTestId('transition-note').fill(note);
  await page.getByTestId('transition-confirm').click();
  const status = (en.protection.referralStatuses as Record<string, string>)[to]!;
  await noDialog();
  await expect
    .poll(() => page.getByTestId('referral-page').getByTestId('referral-status').first().textContent())
    .toBe(status);
}

describe('protection journey', () => {
  beforeAll(async () => {
    server = await startServer();
    admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    const centre = await admin.post<{ id: string }>('/centres', { ...CENTRE, location: 'Tripoli' });
    unhcrId = (await admin.post<{ id: string }>('/organisations', UNHCR)).id;
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
    const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
    await admin.addUser(OFFICER, {
      displayName: OFFICER.name,
      organisationId: orgs.items[0]!.id,
      roles: [{ role: 'protection_officer', centreIds: [] }],
    });
    const officer = new ApiSession(server.url);
    await officer.signIn(OFFICER.username, OFFICER.password);
    // registration is the registry journey's subject: the person arrives over the API
    personId = (
      await officer.post<{ id: string }>('/persons', {
        givenName: 'Adam',
        familyName: 'Ibrahim',
        fullNameOriginal: 'آدم إبراهيم',
        sex: 'male',
        estimatedAge: 27,
        nationality: 'SDN',
        languages: ['ar'],
        centreId: centre.id,
        admittedOn: '2026-01-10',
      })
    ).id;

    browser = await launchBrowser();
    await newContext(server.url);
  });

  // a failing step leaves a picture of the page behind
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `protection-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
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
    await noDialog();
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
    expect(await page.getByTestId('consent-recipient').inputValue()).toBe(UNHCR_LABEL);
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
    await step('sent');
    await step('acknowledged', 'Confirmed by the UNHCR protection unit by phone');
    await step('accepted');
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

  it('adds a case note, closed until opened, and a follow-up task', async () => {
    await page.goto(`/persons/${personId}?tab=protection`);
    await page.getByTestId('add-note').click();
    await choose(page, 'note-category', en.note.categories.follow_up);
    await page.getByTestId('note-text').fill('Asked for news of his brother, last seen in Kufra.');
    await page.getByTestId('note-save').click();
    const note = page.getByTestId('note').first();
    await note.waitFor();
    await page.getByTestId('note-audit-hint').waitFor();
    expect(await page.getByTestId('note-body').count()).toBe(0);
    await note.getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('note-body').textContent()).toContain('Kufra');

    await page.getByTestId('tasks-panel').getByTestId('new-task').click();
    await page.getByTestId('task-title').fill('Call UNHCR about the resettlement referral');
    await page.getByTestId('task-save').click();
    await expect.poll(() => page.getByTestId('person-tasks').getByTestId('task-row').count()).toBe(1);
    await noDialog();
    await snap(page, 'protection-07-person-protection-tab');
    await expectAccessible(page, 'protection-07-person-protection-tab');
  });

  it('lists the case among the officer’s cases, puts it on hold and reopens it', async () => {
    await page.getByTestId('nav-protection-cases').click();
    const row = page.getByTestId('case-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Adam Ibrahim');
    // the assignee by name, not by username
    expect(await row.textContent()).toContain(OFFICER.name);
    expect(await row.textContent()).not.toContain(OFFICER.username);
    // row actions sit in a menu, so a row fits a phone
    await row.getByTestId('case-actions-menu').click();
    await page.getByTestId('case-hold').click();
    await page.getByTestId('case-save').click();
    await noDialog();
    // the list shows open cases by default
    await choose(page, 'case-status-filter', en.protection.caseStatuses.on_hold);
    await expect
      .poll(() => row.first().getByTestId('case-status').textContent())
      .toBe(en.protection.caseStatuses.on_hold);
    await row.getByTestId('case-actions-menu').click();
    await page.getByTestId('case-reopen').click();
    await page.getByTestId('case-save').click();
    await noDialog();
    await choose(page, 'case-status-filter', en.protection.caseStatuses.open);
    await expect
      .poll(() => row.first().getByTestId('case-status').textContent())
      .toBe(en.protection.caseStatuses.open);
    await snap(page, 'protection-07a-cases');
    await expectAccessible(page, 'protection-07a-cases');
  });

  it('lays the screening and the referral out right to left in Arabic, also on a phone', async () => {
    await page.goto(`/persons/${personId}?tab=protection`);
    await page.getByTestId('protection-summary').waitFor();
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByTestId('tab-protection').textContent()).toBe(ar.person.tabs.protection);
    await snap(page, 'protection-08-person-rtl');
    await expectAccessible(page, 'protection-08-person-rtl');
    await page.goto(`/persons/${personId}/screening`);
    await answer('tr_forced_labour', 'yes');
    await expect.poll(() => page.getByTestId('outcome-preview').textContent()).toContain('العمل القسري');
    await snap(page, 'protection-09-screening-rtl');
    await expectAccessible(page, 'protection-09-screening-rtl');
    await page.goto('/referrals');
    await page.getByTestId('referral-link').first().click();
    await page.getByTestId('referral-events').waitFor();
    await snap(page, 'protection-10-referral-rtl');
    await expectAccessible(page, 'protection-10-referral-rtl');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'protection-11-referral-rtl-phone');
    await expectAccessible(page, 'protection-11-referral-rtl-phone');
    await page.goto(`/persons/${personId}/screening`);
    await page.getByTestId('screening-form').waitFor();
    await snap(page, 'protection-12-screening-rtl-phone');
    await expectAccessible(page, 'protection-12-screening-rtl-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('sends a second referral, which nobody answers', async () => {
    await page.goto(`/persons/${personId}?tab=protection`);
    await page.getByTestId('refer').click();
    await choose(page, 'referral-service', 'Resettlement');
    await choose(page, 'referral-recipient', UNHCR_LABEL);
    await page
      .getByTestId('referral-reason')
      .fill('Resettlement needs assessment after the trafficking case.');
    await page.getByTestId('referral-save').click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}/);
    pendingReference = ((await page.getByTestId('referral-reference').textContent()) ?? '').trim();
    await step('sent');
    expect(await page.getByTestId('overdue').count()).toBe(0);
  });

  it('ten days later lists the unanswered referral as overdue, not the accepted one', async () => {
    await context.close();
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startServer({
      dataDir,
      adminPassword: server.adminPassword,
      env: { SANAD_CLOCK_OFFSET_DAYS: '10' },
    });
    await newContext(server.url);
    await page.goto('/');
    await signIn(page, OFFICER);

    // the home page counts the late work
    await expect.poll(() => page.getByTestId('count-overdue-referrals').textContent()).toBe('1');
    // and the picture over the officer's whole scope, not only their own cases
    await expect.poll(() => page.getByTestId('figure-overdue').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('figure-flagged').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('count-late-tasks').textContent()).toContain('1');
    await page.getByTestId('high-risk-person').first().waitFor();
    // referred: no longer among the flagged people waiting for a referral
    await page.getByTestId('awaiting-referral').getByText(en.protection.awaitingNone).waitFor();
    await snap(page, 'protection-13-home-ten-days-later');
    await expectAccessible(page, 'protection-13-home-ten-days-later');

    await page.getByTestId('nav-protection-referrals').click();
    await page.waitForURL(/\/referrals/);
    await expect.poll(() => page.getByTestId('referral-row').count()).toBe(2);
    await page.getByTestId('filter-overdue').check();
    await expect.poll(() => page.getByTestId('referral-row').count()).toBe(1);
    const row = page.getByTestId('referral-row').first();
    expect(await row.textContent()).toContain(pendingReference);
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId('referrals-table').textContent()).not.toContain(acceptedReference);
    await snap(page, 'protection-14-overdue-referrals');
    await expectAccessible(page, 'protection-14-overdue-referrals');

    await page.getByTestId('nav-tasks').click();
    const task = page.getByTestId('task-row').first();
    await task.waitFor();
    expect(await task.getAttribute('data-overdue')).toBe('true');
    await task.getByTestId('overdue').waitFor();
    await snap(page, 'protection-15-my-tasks-overdue');
    await expectAccessible(page, 'protection-15-my-tasks-overdue');
    await task.getByTestId('task-complete').click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(0);
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
