// What follows a referral: the protection officer adds a case note (closed until opened) and a
// follow-up task, puts the case on hold and reopens it, sees the screening and the referral laid
// out right to left in Arabic (also on a phone) and sends a second referral nobody answers. Then
// the clock moves ten days on: the unanswered referral is listed as overdue, the accepted one is
// not, and the task is late. Adam's screening, consent and accepted referral to UNHCR are made
// over the API (the browser part is protection-referral.e2e.test.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../src/domain/protection/screening.fixtures.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, openPage, signIn } from './support/journey.ts';
import { noDialog, OFFICER, protectionWorld, step, UNHCR_LABEL } from './support/protection.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let personId = '';
let acceptedReference = '';
let pendingReference = '';
const pageErrors: string[] = [];

/** Answers a yes / no / unknown question of the screening form. */
const answer = (key: string, value: 'yes' | 'no' | 'unknown') =>
  page.getByTestId(`q-${key}-${value}`).check();

describe('protection follow-up journey', () => {
  beforeAll(async () => {
    server = await startServer();
    const world = await protectionWorld(server);
    ({ personId } = world);
    const { admin, officer, unhcrId } = world;
    await admin.put(`/organisations/${unhcrId}/sharing-profile`, {
      fields: ['registrationNumber', 'givenName', 'familyName', 'protectionFlags', 'referralReason'],
      services: ['international_protection', 'resettlement'],
    });
    const today = new Date().toISOString().slice(0, 10);
    // screened with signs of trafficking (high risk, flagged), consent given, referred and accepted
    await officer.post('/screenings', {
      personId,
      screenedOn: today,
      interviewLanguage: 'ar',
      interpreter: true,
      answers: patch(BASE, {
        age: 27,
        tr_forced_labour: 'yes',
        tr_documents_taken: 'yes',
        tr_confinement: 'yes',
      }),
    });
    await officer.post('/consents', {
      personId,
      purpose: 'referral',
      recipientOrganisationId: unhcrId,
      decision: 'given',
      method: 'verbal',
      language: 'ar',
      interpreter: true,
      givenOn: today,
    });
    let referral = await officer.post<{ id: string; version: number; reference: string }>('/referrals', {
      personId,
      recipientOrganisationId: unhcrId,
      service: 'international_protection',
      urgency: 'priority',
      reason: 'Signs of trafficking: forced labour, documents taken, confinement. Fears return to Darfur.',
    });
    for (const to of ['sent', 'acknowledged', 'accepted'])
      referral = await officer.post(`/referrals/${referral.id}/transitions`, {
        to,
        version: referral.version,
      });
    acceptedReference = referral.reference;
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
    await page.goto('/');
    await signIn(page, OFFICER);
  });

  // a failing step leaves a picture of the page behind
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `protection-follow-up-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
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
    await noDialog(page);
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
    await noDialog(page);
    // the list shows open cases by default
    await choose(page, 'case-status-filter', en.protection.caseStatuses.on_hold);
    await expect
      .poll(() => row.first().getByTestId('case-status').textContent())
      .toBe(en.protection.caseStatuses.on_hold);
    await row.getByTestId('case-actions-menu').click();
    await page.getByTestId('case-reopen').click();
    await page.getByTestId('case-save').click();
    await noDialog(page);
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
    await step(page, 'sent');
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
    ({ context, page } = await openPage(browser, server.url, pageErrors));
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
