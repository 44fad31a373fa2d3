// The foundation journey: an administrator enrols a second factor, works in Arabic, sets up the
// directory and a caseworker scoped to one centre; the caseworker then sees only what is theirs.
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { ar, en } from './support/i18n';
import { choose, openPage, submitSignIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const CASEWORKER = { username: 'cw.amina', password: 'Caseworker-pass-2026', name: 'Amina Saleh' };
const ORG = { name: 'Sahara Relief', nameAr: 'إغاثة الصحراء', acronym: 'SR', country: 'LBY' };
const CENTRE_A = { name: 'Tariq al-Sikka', nameAr: 'طريق السكة', capacity: '400', location: 'Tripoli' };
const CENTRE_B = { name: 'Abu Salim', nameAr: 'أبو سليم', capacity: '250', location: 'Tripoli' };

let server: RunningServer;
/** the caseworker's password once the first one is changed */
let caseworkerPassword = CASEWORKER.password;
let adminSecret = '';
/** the 30-second TOTP step of the last code used: the server refuses a code's step twice */
let lastTotpStep = 0;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const dir = () => page.evaluate(() => document.documentElement.dir);
const lang = () => page.evaluate(() => document.documentElement.lang);

describe('foundation journey', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('makes the administrator enrol a second factor before anything else', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await snap(page, '01-sign-in');
    await expectAccessible(page, '01-sign-in');
    await submitSignIn(page, { username: 'admin', password: server.adminPassword });

    await page.waitForURL(/\/enrol-totp$/);
    await expect.poll(() => page.getByTestId('main-nav').count()).toBe(0);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await snap(page, '02-totp-enrolment');
    await expectAccessible(page, '02-totp-enrolment');

    // a forced user cannot wander off: any address leads back to enrolment
    await page.goto('/users');
    await page.waitForURL(/\/enrol-totp$/);

    adminSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    lastTotpStep = Math.floor(Date.now() / 30_000);
    await page.getByTestId('totp-token').fill(await generate({ secret: adminSecret }));
    await page.getByTestId('totp-verify').click();
    // the recovery codes, shown this once: continuing needs the user to say they kept them
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-code-item').allTextContents();
    expect(codes).toHaveLength(10);
    expect(await page.getByTestId('recovery-continue').isDisabled()).toBe(true);
    await page.getByTestId('recovery-kept').check();
    await page.getByTestId('recovery-continue').click();
    await page.getByTestId('home').waitFor();
    await page.getByTestId('directory-counts').waitFor();
    await page.getByTestId('recent-audit').waitFor();
    await snap(page, '03-admin-home-ltr');
    await expectAccessible(page, '03-admin-home-ltr');
  });

  it('switches to Arabic, right to left, and remembers it for the account', async () => {
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-ar').click();
    await expect.poll(dir).toBe('rtl');
    expect(await lang()).toBe('ar');
    await expect.poll(() => page.getByTestId('nav-users').textContent()).toBe(ar.nav.users);
    await snap(page, '04-admin-home-rtl');
    await expectAccessible(page, '04-admin-home-rtl');

    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.locale).toBe('ar');
  });

  it('names the mission and sets how long repeated requests are recognised', async () => {
    await page.getByTestId('mission-name').fill('Libya mission');
    await page.getByTestId('mission-country').fill('lby');
    await page.getByTestId('mission-idempotency-hours').fill('48');
    await page.getByTestId('mission-save').click();
    await page.getByTestId('mission-panel').getByTestId('saved').waitFor();
    await expect.poll(() => page.getByTestId('main-nav').textContent()).toContain('Libya mission');
    const mission = await page.evaluate(async () => (await fetch('/api/v1/mission')).json());
    expect(mission.idempotencyKeyHours).toBe(48);
  });

  it('creates a partner NGO', async () => {
    await page.getByTestId('nav-organisations').click();
    await page.getByTestId('organisations-table').waitFor();
    await page.getByTestId('new').click();
    await page.getByTestId('org-name').fill(ORG.name);
    await page.getByTestId('org-name-ar').fill(ORG.nameAr);
    await page.getByTestId('org-acronym').fill(ORG.acronym);
    await choose(page, 'org-kind', ar.organisation.kinds.partner_ngo);
    await page.getByTestId('org-country').fill(ORG.country);
    await snap(page, '05-organisation-form-rtl');
    await expectAccessible(page, '05-organisation-form-rtl');
    await page.getByTestId('save').click();
    await page.getByTestId('saved').waitFor();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}/);
  });

  it('pages through a long list and searches it', async () => {
    const created = await page.evaluate(async () => {
      let n = 0;
      for (let i = 0; i < 26; i++) {
        const res = await fetch('/api/v1/organisations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'sanad' },
          body: JSON.stringify({ name: `Embassy ${String(i).padStart(2, '0')}`, kind: 'embassy' }),
        });
        if (res.status === 201) n++;
      }
      return n;
    });
    expect(created).toBe(26);
    await page.getByTestId('nav-organisations').click();
    // the mission itself, the partner NGO and 26 embassies: one page of 25, then the rest
    await expect.poll(() => page.getByTestId('organisation-row').count()).toBe(25);
    // the total is the whole list's, not the page's
    await expect
      .poll(() => page.getByTestId('organisations-total').textContent())
      .toBe(ar.common.listTotal.replace('{{n}}', '28'));
    await page.getByTestId('load-more').click();
    await expect.poll(() => page.getByTestId('organisation-row').count()).toBe(28);
    // the name header sorts: by name already, so a click turns it to descending, from the first page
    const nameHeader = page.locator('th', { has: page.getByTestId('sort-name') });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('sort-name').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => page.getByTestId('organisation-row').count()).toBe(25);
    const firstPage = (await page.getByTestId('organisation-row').allTextContents()).join('|');
    expect(firstPage).toContain('Embassy 25');
    expect(firstPage).not.toContain('Embassy 00');
    await snap(page, '05a-organisations-sorted-rtl');
    await expectAccessible(page, '05a-organisations-sorted-rtl');
    await page.getByTestId('search').fill('Embassy 07');
    await expect.poll(() => page.getByTestId('organisation-row').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('organisations-total').textContent())
      .toBe(ar.common.listTotal.replace('{{n}}', '1'));
    await expectAccessible(page, '05a-organisations-rtl');
  });

  it('shows field errors from the shared schemas in place', async () => {
    await page.getByTestId('nav-centres').click();
    await page.getByTestId('new').click();
    await page.getByTestId('save').click();
    const nameError = page.locator('[data-testid="centre-name"][aria-invalid="true"]');
    await nameError.waitFor();
    await expect.poll(() => page.getByText(ar.validation.required).count()).toBeGreaterThan(0);
    await snap(page, '06-centre-form-errors-rtl');
    await expectAccessible(page, '06-centre-form-errors-rtl');
  });

  it('creates two centres', async () => {
    for (const [i, c] of [CENTRE_A, CENTRE_B].entries()) {
      if (i > 0) {
        await page.getByTestId('nav-centres').click();
        await page.getByTestId('new').click();
      }
      await page.getByTestId('centre-name').fill(c.name);
      await page.getByTestId('centre-name-ar').fill(c.nameAr);
      await choose(page, 'centre-type', i === 0 ? ar.centre.types.detention : ar.centre.types.reception);
      await page.getByTestId('centre-capacity').fill(c.capacity);
      await page.getByTestId('centre-location').fill(c.location);
      await page.getByTestId('save').click();
      await page.getByTestId('saved').waitFor();
    }
    await page.getByTestId('nav-centres').click();
    await expect.poll(() => page.getByTestId('centre-row').count()).toBe(2);
    await snap(page, '07-centres-rtl');
    await expectAccessible(page, '07-centres-rtl');
  });

  it('creates a caseworker scoped to one centre', async () => {
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('new').click();
    await page.getByTestId('user-username').fill(CASEWORKER.username);
    await page.getByTestId('user-display-name').fill(CASEWORKER.name);
    await choose(page, 'user-organisation', `${ORG.name} (${ORG.acronym})`);
    await choose(page, 'user-locale', 'Français');
    await page.getByTestId('user-password').fill(CASEWORKER.password);
    // the first role row starts as caseworker; narrow it to one centre
    await expect.poll(() => page.getByTestId('role-select-0').inputValue()).toBe(ar.roles.caseworker);
    await page.getByTestId('scope-0').getByText(ar.user.specificCentres).click();
    await choose(page, 'centres-select-0', `${CENTRE_A.name} — ${CENTRE_A.nameAr}`);
    await page.keyboard.press('Escape');
    await snap(page, '08-user-form-rtl');
    await expectAccessible(page, '08-user-form-rtl');
    await page.getByTestId('save').click();
    await page.getByTestId('saved').waitFor();

    await page.getByTestId('nav-users').click();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(2);
    await snap(page, '09-users-rtl');
    await expectAccessible(page, '09-users-rtl');
  });

  it('tells the administrator when someone else changed the record meanwhile', async () => {
    await page.getByTestId('nav-organisations').click();
    await page.getByTestId('search').fill('Sahara');
    await expect.poll(() => page.getByTestId('organisation-row').count()).toBe(1);
    await page.getByTestId('organisation-row').getByRole('link').click();
    await page.getByTestId('org-acronym').fill('SRL');
    // another administrator saves first
    const id = new URL(page.url()).pathname.split('/').pop();
    const status = await page.evaluate(async (id) => {
      const current = await (await fetch(`/api/v1/organisations/${id}`)).json();
      const res = await fetch(`/api/v1/organisations/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'sanad' },
        body: JSON.stringify({ version: current.version, countryCode: 'TUN' }),
      });
      return res.status;
    }, id);
    expect(status).toBe(200);
    await page.getByTestId('save').click();
    await page.getByTestId('conflict').waitFor();
    await snap(page, '10-conflict-rtl');
    await expectAccessible(page, '10-conflict-rtl');
  });

  it('shows the audit log with the day’s changes', async () => {
    await page.getByTestId('nav-audit').click();
    await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(5);
    await choose(page, 'audit-action', ar.audit.actions.create);
    await expect
      .poll(async () => (await page.getByTestId('audit-row').allTextContents()).length)
      .toBeGreaterThan(0);
    const rows = await page.getByTestId('audit-row').allTextContents();
    expect(rows.every((r) => r.includes(ar.audit.actions.create))).toBe(true);
    await page.getByTestId('audit-total').waitFor();
    // newest first by default; the time header turns it to oldest first
    const time = page.locator('th', { has: page.getByTestId('sort-at') });
    expect(await time.getAttribute('aria-sort')).toBe('descending');
    const newest = await page.getByTestId('audit-row').first().textContent();
    await page.getByTestId('sort-at').click();
    await expect.poll(() => time.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => page.getByTestId('audit-row').first().textContent()).not.toBe(newest);
    await snap(page, '11-audit-rtl');
    await expectAccessible(page, '11-audit-rtl');
  });

  it('signs the administrator out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('signed-out').waitFor();
  });

  it('lets the caseworker see only their own centre, and no administration', async () => {
    await submitSignIn(page, CASEWORKER);
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    // an account an administrator created changes its first password: the app may pass by '/'
    // on its way to the change-password page, so wait for one page or the other
    const change = page.getByTestId('change-password-submit');
    await Promise.race([change.waitFor(), page.getByTestId('home').waitFor()]);
    if (await change.isVisible()) {
      const next = `${CASEWORKER.password}-new`;
      await page.getByTestId('current-password').fill(CASEWORKER.password);
      await page.getByTestId('new-password').fill(next);
      await page.getByTestId('confirm-password').fill(next);
      await page.getByTestId('change-password-submit').click();
      caseworkerPassword = next;
    }
    await page.getByTestId('home').waitFor();

    // the account's language (French) wins at sign-in
    await expect.poll(lang).toBe('fr');
    expect(await dir()).toBe('ltr');

    const nav = page.getByTestId('main-nav');
    await nav.waitFor();
    expect(await nav.getByTestId('nav-users').count()).toBe(0);
    expect(await nav.getByTestId('nav-audit').count()).toBe(0);
    expect(await page.getByTestId('directory-counts').count()).toBe(0);
    await page.getByTestId('my-centres').getByText(CENTRE_A.name).waitFor();
    // only modules that exist are offered: none of a later release, and no "coming later" page
    expect(await nav.getByTestId('nav-module-registry').count()).toBe(1);
    expect(await page.getByTestId('modules-coming').count()).toBe(0);
    await snap(page, '12-caseworker-home');
    await expectAccessible(page, '12-caseworker-home');

    // organisations are readable by every role (to pick referral recipients), never administrable
    if ((await nav.getByTestId('nav-organisations').count()) > 0) {
      await nav.getByTestId('nav-organisations').click();
      await page.getByTestId('organisations-table').waitFor();
      expect(await page.getByTestId('new').count()).toBe(0);
      await expectAccessible(page, '12a-caseworker-organisations');
    }

    await nav.getByTestId('nav-centres').click();
    await page.getByTestId('centres-table').waitFor();
    await expect.poll(() => page.getByTestId('centre-row').count()).toBe(1);
    expect(await page.getByTestId('centre-row').first().textContent()).toContain(CENTRE_A.name);
    expect(await page.getByTestId('new').count()).toBe(0);
    await snap(page, '13-caseworker-centres');
    await expectAccessible(page, '13-caseworker-centres');

    // the centre's page is read-only for a caseworker: no save, no deactivation
    await page.getByTestId('centre-row').getByRole('link').click();
    await page.getByTestId('centre-details').getByText(CENTRE_A.nameAr).waitFor();
    expect(await page.getByTestId('save').count()).toBe(0);
    expect(await page.getByTestId('deactivate').count()).toBe(0);
    await snap(page, '13a-caseworker-centre');
    await expectAccessible(page, '13a-caseworker-centre');

    // typing an admin address directly shows a polite refusal, not a broken page
    await page.goto('/users');
    await page.getByTestId('forbidden').waitFor();

    // a module of a later release has no page at all
    await page.goto('/modules/assistance');
    await page.getByTestId('not-found').waitFor();
    await expectAccessible(page, '13b-caseworker-not-found');
  });

  it('works on a phone with the burger menu', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByTestId('home').waitFor();
    await page.getByTestId('nav-burger').click();
    await page.getByTestId('nav-centres').click();
    await page.getByTestId('centres-table').waitFor();
    await snap(page, '14-phone-centres');
    await expectAccessible(page, '14-phone-centres');
  });

  it('sends an expired session back to the sign-in page with an explanation', async () => {
    await context.clearCookies();
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-en').click();
    // the session is gone: a dialog asks for the password on the same page; leaving it goes to sign-in
    await page.getByTestId('reauth-dialog').waitFor();
    await page.getByTestId('reauth-leave').click();
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('session-expired').waitFor();
    await snap(page, '15-session-expired-phone');
    await expectAccessible(page, '15-session-expired-phone');
  });

  it('refuses a wrong password, then asks the administrator for a code', async () => {
    await submitSignIn(page, { username: 'admin', password: 'not-the-password' });
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('wrong');

    await submitSignIn(page, { username: 'admin', password: server.adminPassword });
    await page.getByTestId('totp').waitFor();
    await snap(page, '16-totp-step-phone');
    await expectAccessible(page, '16-totp-step-phone');
    // a code from the enrolment's 30-second step would be a replay: wait for the next step
    while (Math.floor(Date.now() / 30_000) <= lastTotpStep) await new Promise((r) => setTimeout(r, 500));
    await page.getByTestId('totp').fill(await generate({ secret: adminSecret }));
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
    // the administrator chose Arabic earlier: the account's language comes back with the session
    await expect.poll(dir).toBe('rtl');
  });

  it('keeps the language chosen on the sign-in page after signing in, and saves it', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-en').click();
    await expect.poll(lang).toBe('en');
    // the caseworker's account says French; the choice made on the sign-in page wins
    await submitSignIn(page, { username: CASEWORKER.username, password: caseworkerPassword });
    await page.getByTestId('home').waitFor();
    await expect.poll(() => page.getByTestId('nav-centres').textContent()).toBe(en.nav.centres);
    expect(await lang()).toBe('en');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.locale).toBe('en');
    await snap(page, '17-caseworker-english');
    await expectAccessible(page, '17-caseworker-english');

    // the centres list in English: its total (the caseworker's one centre) and a sorting header
    await page.getByTestId('nav-centres').click();
    await expect
      .poll(() => page.getByTestId('centres-total').textContent())
      .toBe(en.common.listTotal.replace('{{n}}', '1'));
    const capacity = page.locator('th', { has: page.getByTestId('sort-capacity') });
    expect(await capacity.getAttribute('aria-sort')).toBe('none');
    await page.getByTestId('sort-capacity').click();
    await expect.poll(() => capacity.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => page.getByTestId('centre-row').count()).toBe(1);
    await expectAccessible(page, '17a-caseworker-centres-sorted-english');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
