// Signing in when things are not as usual. A caseworker who lost the phone signs in with one of the
// recovery codes shown at enrolment, which then no longer works. And a registration typed by one
// caseworker is never saved as another: her session ends (a colleague signs in on the same
// browser), Save asks her to sign in again, and when someone else signs in through that dialog the
// page starts afresh for them, with nothing of what she typed sent or kept.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { expectAccessible, launchBrowser, snap } from './support/browser.ts';
import { en } from './support/i18n';
import { choose, openPage, signIn, submitSignIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

const WITH_2FA = { username: 'cw.recovery', password: 'Caseworker-recovery-2026' };
const TYPIST = { username: 'cw.typist', password: 'Caseworker-typist-2026', name: 'Mariam Typist' };
const COLLEAGUE = { username: 'cw.colleague', password: 'Caseworker-colleague-2026', name: 'Omar Colleague' };
const PERSON = { given: 'Tesfay', family: 'Kidanemariam' };
const CENTRE = {
  name: 'Abu Salim',
  nameAr: 'أبو سليم',
  type: 'detention',
  capacity: 200,
  location: 'Tripoli',
};

let server: RunningServer;
let admin: ApiSession;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let recoveryCodes: string[] = [];
const pageErrors: string[] = [];

/** The sign-in page's second step with the recovery-code field, for this account. */
async function toRecoveryCode(account: { username: string; password: string }) {
  await submitSignIn(page, account);
  await page.getByTestId('totp').waitFor();
  await page.getByTestId('toggle-recovery').click();
  await page.getByTestId('recovery-code').waitFor();
}

async function signOut(p: Page) {
  await p.getByTestId('user-menu').click();
  await p.getByTestId('sign-out').click();
  await p.waitForURL(/\/sign-in/);
}

describe('sign-in journey', () => {
  beforeAll(async () => {
    server = await startServer();
    admin = new ApiSession(server.url);
    await admin.signIn('admin', server.adminPassword);
    const centreId = (await admin.post<{ id: string }>('/centres', CENTRE)).id;
    const mission = (await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission')).items[0]!
      .id;
    const caseworker = (displayName: string) => ({
      displayName,
      organisationId: mission,
      roles: [{ role: 'caseworker', centreIds: [centreId] }],
    });
    await admin.addUser(WITH_2FA, caseworker('Recovery caseworker'));
    await admin.addUser(TYPIST, caseworker(TYPIST.name));
    await admin.addUser(COLLEAGUE, caseworker(COLLEAGUE.name));
    // two-factor sign-in set up over the API; the codes are those the enrolment page shows once
    const session = new ApiSession(server.url);
    await session.signIn(WITH_2FA.username, WITH_2FA.password);
    recoveryCodes = (await session.enrolTotp()).recoveryCodes;
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(2);

    browser = await launchBrowser();
    ({ context, page } = await openPage(browser, server.url, pageErrors, 20_000));
  });

  // a failing step leaves a picture of the page behind
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed())
      await snap(page, `sign-in-failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs in with a recovery code instead of the code from the phone', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page, 'sign-in-01-credentials');
    await submitSignIn(page, WITH_2FA);
    await page.getByTestId('totp').waitFor();
    await expectAccessible(page, 'sign-in-02-totp');
    await page.getByTestId('toggle-recovery').click();
    await page.getByTestId('recovery-code').fill(recoveryCodes[0]!);
    await snap(page, 'sign-in-03-recovery-code');
    await expectAccessible(page, 'sign-in-03-recovery-code');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
    await expectAccessible(page, 'sign-in-04-home');
    await signOut(page);
  });

  it('refuses the same recovery code a second time, and takes another one', async () => {
    await toRecoveryCode(WITH_2FA);
    await page.getByTestId('recovery-code').fill(recoveryCodes[0]!);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toBe(en.auth.errors.totpInvalid);
    expect(page.url()).toMatch(/\/sign-in/);
    expect(await page.getByTestId('home').count()).toBe(0);
    await snap(page, 'sign-in-05-code-spent');
    await expectAccessible(page, 'sign-in-05-code-spent');
    // the server agrees: the spent code opens nothing, from anywhere
    await expect(
      new ApiSession(server.url).post('/auth/login', { ...WITH_2FA, recoveryCode: recoveryCodes[0] }),
    ).rejects.toThrow(/401/);

    await page.getByTestId('recovery-code').fill(recoveryCodes[1]!);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('home').waitFor();
    await signOut(page);
  });

  it('asks for the typist’s own password when her session has ended, never another account’s', async () => {
    await signIn(page, TYPIST);
    await page.getByTestId('nav-module-registry').click();
    await page.getByTestId('register-person').click();
    await page.getByTestId('registration-form').waitFor();
    await page.getByTestId('given-name').fill(PERSON.given);
    await page.getByTestId('family-name').fill(PERSON.family);
    await page.getByLabel(en.person.sexes.male, { exact: true }).check();
    await choose(page, 'nationality', 'Eritrea (ERI)', 'Eri');
    await page.getByTestId('duplicates-none').waitFor();
    await expectAccessible(page, 'sign-in-06-form');

    // a colleague signs in on the same browser (another tab): the typist's session there ends
    const other = await context.newPage();
    other.on('pageerror', (e) => pageErrors.push(`other tab: ${e.message}`));
    await other.goto('/');
    await other.getByTestId('home').waitFor();
    await signOut(other);
    await signIn(other, COLLEAGUE);
    await other.close();

    // Save does not go out as the colleague: the dialog asks the typist, by her username, fixed
    await page.getByTestId('save').click();
    await page.getByTestId('reauth-dialog').waitFor();
    const username = page.getByTestId('reauth-username');
    expect(await username.inputValue()).toBe(TYPIST.username);
    expect(await username.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('given-name').inputValue()).toBe(PERSON.given);
    expect(await registered()).toEqual([]);
    await snap(page, 'sign-in-07-reauth-dialog');
    await expectAccessible(page, 'sign-in-07-reauth-dialog');
  });

  it('starts afresh for the other user who signs in through the dialog: nothing typed is saved or kept', async () => {
    // the colleague signs in through the typist's dialog (as if the fixed name were changed on
    // its way out): the page must not carry on with her form under his session
    await page.route('**/api/v1/auth/login', async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, username: COLLEAGUE.username }) });
    });
    await page.getByTestId('reauth-password').fill(COLLEAGUE.password);
    await page.getByTestId('reauth-submit').click();

    // a fresh load of the home page, as the colleague, holding nothing of the form
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('home').waitFor();
    await page.unroute('**/api/v1/auth/login');
    await expect.poll(() => page.getByTestId('home').textContent()).toContain(COLLEAGUE.name);
    expect(await page.getByTestId('registration-form').count()).toBe(0);
    expect(await page.getByTestId('reauth-dialog').count()).toBe(0);
    const shown = (await page.locator('body').textContent()) ?? '';
    expect(shown).not.toContain(PERSON.family);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(PERSON.family);
    // nobody was registered, by either of them
    expect(await registered()).toEqual([]);
    await snap(page, 'sign-in-08-home-other-user');
    await expectAccessible(page, 'sign-in-08-home-other-user');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** The people either caseworker registered (the audit trail, read by the administrator). */
async function registered(): Promise<unknown[]> {
  const created = [];
  for (const who of [TYPIST, COLLEAGUE]) {
    const events = await admin.get<{ items: { entityType: string }[] }>(
      `/audit?action=create&actor=${who.username}`,
    );
    created.push(...events.items.filter((e) => e.entityType === 'person'));
  }
  return created;
}
