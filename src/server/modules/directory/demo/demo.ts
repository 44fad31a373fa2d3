import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ROLES } from '../../../../domain/access/roles';
import { centres, missions, organisations, users } from '../../../db/schema/index';
import type { AppContext } from '../../../platform/context';
import { asSystem, type Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { created } from '../../../platform/records';
import { addAccount } from '../bootstrap';

// The fictional demo mission (DESIGN §10). Names are invented; any likeness is accidental.
const MISSION_ORG = {
  name: 'Sanad Demo Mission – Libya',
  nameAr: 'بعثة سند التجريبية – ليبيا',
  acronym: 'SDM',
  kind: 'mission',
  countryCode: 'LBY',
};
const ORGANISATIONS = [
  MISSION_ORG,
  {
    name: 'Nour Relief Association',
    nameAr: 'جمعية نور للإغاثة',
    acronym: 'NRA',
    kind: 'partner_ngo',
    countryCode: 'LBY',
  },
  {
    name: 'Al-Amal Health Volunteers',
    nameAr: 'متطوعو الأمل للصحة',
    acronym: 'AHV',
    kind: 'partner_ngo',
    countryCode: 'LBY',
  },
  {
    name: 'Sahel Legal Aid',
    nameAr: 'الساحل للمساعدة القانونية',
    acronym: 'SLA',
    kind: 'partner_ngo',
    countryCode: 'LBY',
  },
  {
    name: 'UNHCR Libya',
    nameAr: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين – ليبيا',
    acronym: 'UNHCR',
    kind: 'un_agency',
    countryCode: 'LBY',
  },
  {
    name: 'Embassy of the Republic of Niger',
    nameAr: 'سفارة جمهورية النيجر',
    kind: 'embassy',
    countryCode: 'NER',
  },
  {
    name: 'Embassy of the Federal Republic of Nigeria',
    nameAr: 'سفارة جمهورية نيجيريا الاتحادية',
    kind: 'embassy',
    countryCode: 'NGA',
  },
  {
    name: 'Embassy of the Republic of Sudan',
    nameAr: 'سفارة جمهورية السودان',
    kind: 'embassy',
    countryCode: 'SDN',
  },
  {
    name: "Embassy of the People's Republic of Bangladesh",
    nameAr: 'سفارة جمهورية بنغلاديش الشعبية',
    kind: 'embassy',
    countryCode: 'BGD',
  },
  { name: 'European Union', nameAr: 'الاتحاد الأوروبي', acronym: 'EU', kind: 'donor' },
  {
    name: 'Italian Development Cooperation',
    nameAr: 'التعاون الإنمائي الإيطالي',
    kind: 'donor',
    countryCode: 'ITA',
  },
  {
    name: 'UK Foreign, Commonwealth & Development Office',
    nameAr: 'وزارة الخارجية والكومنولث والتنمية البريطانية',
    acronym: 'FCDO',
    kind: 'donor',
    countryCode: 'GBR',
  },
  {
    name: 'Directorate of Migration Detention',
    nameAr: 'مديرية احتجاز المهاجرين',
    acronym: 'DMD',
    kind: 'authority',
    countryCode: 'LBY',
  },
] as const;

const CENTRES = [
  {
    name: 'Al-Nakheel Detention Centre',
    nameAr: 'مركز النخيل للاحتجاز',
    type: 'detention',
    location: 'Tripoli',
    latitude: 32.8872,
    longitude: 13.1913,
    capacity: 400,
  },
  {
    name: 'Al-Waha Reception Centre',
    nameAr: 'مركز الواحة للاستقبال',
    type: 'reception',
    location: 'Tajoura, Tripoli',
    latitude: 32.8817,
    longitude: 13.3506,
    capacity: 250,
  },
  {
    name: 'Al-Bahr Holding Centre',
    nameAr: 'مركز البحر للإيواء المؤقت',
    type: 'holding',
    location: 'Janzour, Tripoli',
    latitude: 32.8166,
    longitude: 13.0107,
    capacity: 150,
  },
  {
    name: 'Wadi Al-Rabie Detention Centre',
    nameAr: 'مركز وادي الربيع للاحتجاز',
    type: 'detention',
    location: 'Wadi Al-Rabie, 35 km south-east of Tripoli',
    latitude: 32.6512,
    longitude: 13.4227,
    capacity: 300,
  },
] as const;

async function upsertOrganisation(w: Work, o: (typeof ORGANISATIONS)[number]): Promise<string> {
  const [found] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.name, o.name)));
  if (found) return found.id;
  if (o.kind === 'mission') {
    // the installation's own organisation becomes the demo mission's, rather than a second one
    const [own] = await w.tx
      .update(organisations)
      .set({ ...o, updatedAt: w.now, updatedBy: w.actor.userId })
      .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.kind, 'mission')))
      .returning({ id: organisations.id });
    if (own) {
      await w.audit({
        action: 'update',
        entityType: 'organisation',
        entityId: own.id,
        changedFields: Object.keys(o),
      });
      return own.id;
    }
  }
  const id = newId();
  await w.tx.insert(organisations).values({ ...o, id, ...created(w) });
  await w.audit({
    action: 'create',
    entityType: 'organisation',
    entityId: id,
    changedFields: Object.keys(o),
  });
  return id;
}

/** Loads (or completes) the directory part of the demo mission. Running it twice changes nothing. */
export async function loadDemo(ctx: AppContext, missionId: string): Promise<void> {
  const password = ctx.config.demoPassword ?? randomBytes(9).toString('base64url');
  let createdUsers = 0;
  await asSystem(ctx, missionId, async (w) => {
    await w.tx
      .update(missions)
      .set({ name: 'Libya (demo)', countryCode: 'LBY', updatedAt: w.now })
      .where(eq(missions.id, missionId));
    const orgIds = new Map<string, string>();
    for (const o of ORGANISATIONS) orgIds.set(o.name, await upsertOrganisation(w, o));
    const authority = orgIds.get('Directorate of Migration Detention');
    for (const c of CENTRES) {
      const [found] = await w.tx
        .select({ id: centres.id })
        .from(centres)
        .where(and(eq(centres.missionId, missionId), eq(centres.name, c.name)));
      if (found) continue;
      const id = newId();
      await w.tx.insert(centres).values({ ...c, id, authorityOrganisationId: authority, ...created(w) });
      await w.audit({ action: 'create', entityType: 'centre', entityId: id, changedFields: Object.keys(c) });
    }
    const home = orgIds.get(MISSION_ORG.name);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const username = `demo-${role.replaceAll('_', '-')}`;
      const [exists] = await w.tx.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (exists) continue;
      const partner = role === 'partner_focal_point' ? orgIds.get('Nour Relief Association') : home;
      await addAccount(w, {
        username,
        displayName: `Demo ${role.replaceAll('_', ' ')}`,
        password,
        organisationId: partner,
        roles: [{ role, centreIds: [] }],
      });
      createdUsers++;
    }
  });
  console.log(
    `Demo mission loaded: ${ORGANISATIONS.length} organisations, ${CENTRES.length} centres, ${ROLES.length - 1} demo users.`,
  );
  if (createdUsers > 0) {
    console.log(
      ctx.config.demoPassword
        ? 'Demo users (demo-<role>) use SANAD_DEMO_PASSWORD.'
        : `Demo users (demo-<role>, e.g. demo-caseworker) were created with password: ${password}`,
    );
  }
}
