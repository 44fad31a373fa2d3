// The mission both protection journeys start from (protection-referral, protection-follow-up):
// a detention centre, UNHCR, a protection officer, and Adam Ibrahim registered over the API
// (registration is the registry journey's subject). And the steps both take on a referral page.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiSession } from './api.ts';
import { en } from './i18n';
import type { RunningServer } from './server.ts';

export const OFFICER = { username: 'po.layla', password: 'Protection-officer-2026', name: 'Layla Mansour' };
export const UNHCR = {
  name: 'UNHCR Libya',
  nameAr: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين',
  acronym: 'UNHCR',
  kind: 'un_agency',
};
export const UNHCR_LABEL = 'UNHCR Libya (UNHCR)';
const CENTRE = {
  name: 'Tariq al-Matar',
  nameAr: 'طريق المطار',
  type: 'detention',
  capacity: 300,
  location: 'Tripoli',
};

export interface ProtectionWorld {
  admin: ApiSession;
  officer: ApiSession;
  unhcrId: string;
  personId: string;
}

export async function protectionWorld(server: RunningServer): Promise<ProtectionWorld> {
  const admin = new ApiSession(server.url);
  await admin.signIn('admin', server.adminPassword);
  const centre = await admin.post<{ id: string }>('/centres', CENTRE);
  const unhcrId = (await admin.post<{ id: string }>('/organisations', UNHCR)).id;
  const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
  await admin.addUser(OFFICER, {
    displayName: OFFICER.name,
    organisationId: orgs.items[0]!.id,
    roles: [{ role: 'protection_officer', centreIds: [] }],
  });
  const officer = new ApiSession(server.url);
  await officer.signIn(OFFICER.username, OFFICER.password);
  const personId = (
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
  return { admin, officer, unhcrId, personId };
}

/** Waits until no dialog is open (nor closing), e.g. before a screenshot. */
export const noDialog = (page: Page) => expect.poll(() => page.getByRole('dialog').count()).toBe(0);

/** Moves the open referral one step on, with an optional note, and waits for the new status. */
export async function step(page: Page, to: keyof typeof en.protection.referralStatuses, note?: string) {
  await page.getByTestId(`to-${to}`).click();
  if (note) await page.getByTestId('transition-note').fill(note);
  await page.getByTestId('transition-confirm').click();
  await noDialog(page);
  await expect
    .poll(() => page.getByTestId('referral-page').getByTestId('referral-status').first().textContent())
    .toBe(en.protection.referralStatuses[to]);
}
