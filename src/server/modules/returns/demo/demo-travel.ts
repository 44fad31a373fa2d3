import {
  embassyRequestPeople,
  embassyRequests,
  movementPassengers,
  movements,
} from '../../../db/schema/index';
import type { Actor } from '../../../platform/actor';
import type { Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import type { PlannedCase } from './demo-plan';

// The returns demo's movements (each day's departures to one country, the charter booked for next
// week, the flight two people missed) and embassy requests (one answered per embassy and month).

/** A time on a demo day (10:00 UTC by default). */
export const at = (day: string, minutes = 10 * 60) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);

type By = { createdByOrganisationId: string; createdBy: string; updatedBy: string };
type Audit = (actor: Actor, day: string, input: Parameters<Work['audit']>[0]) => Promise<void>;

/** Each day's departures to one country are one movement (a charter from ten people up). */
export async function loadMovements(
  w: Work,
  cases: PlannedCase[],
  ids: Map<PlannedCase, string>,
  upcoming: string,
  by: By,
  record: Audit,
  officer: Actor,
): Promise<number> {
  const groups = new Map<string, PlannedCase[]>();
  for (const c of cases) {
    if (!c.departsOn || !c.passenger || c.passenger === 'no_show') continue;
    const key = `${c.departsOn}|${c.nationality}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // the two who missed last week's flight were on a scheduled flight that left without them
  const missed = cases.filter((c) => c.steps.some((s) => s.state === 'no_show'));
  let n = 0;
  const insert = async (key: string, people: PlannedCase[], missedFlight = false) => {
    const [day, country] = key.split('|') as [string, string];
    const id = newId();
    const charter = people.length >= 10 || (day === upcoming && !missedFlight);
    const departed = day < upcoming && (missedFlight || people.some((p) => p.passenger === 'departed'));
    await w.tx.insert(movements).values({
      missionId: w.actor.missionId,
      id,
      reference: `DEMO-MOV-${day.slice(0, 4)}-${String(++n).padStart(4, '0')}`,
      kind: charter ? 'charter' : 'scheduled',
      departsOn: day,
      route: `MJI → ${country}`,
      destinationCountry: country,
      carrier: charter ? 'Buraq Air (charter)' : 'Libyan Wings',
      flightNumber: charter ? `UZ${900 + (n % 90)}` : `YL${100 + (n % 800)}`,
      seats: charter ? 160 : Math.max(4, people.length + 2),
      status: departed ? 'departed' : 'planned',
      departedAt: departed ? at(day, 7 * 60) : null,
      ...by,
    });
    await w.tx.insert(movementPassengers).values(
      people.map((p) => ({
        missionId: w.actor.missionId,
        movementId: id,
        caseId: ids.get(p)!,
        personId: p.personId,
        status: missedFlight ? 'no_show' : p.passenger === 'departed' ? 'departed' : 'booked',
        needsMedicalEscort: p.fitness?.status === 'fit_with_escort',
        departedAt: p.passenger === 'departed' && !missedFlight ? at(day, 7 * 60) : null,
        ...by,
      })),
    );
    await record(officer, day, { action: 'create', entityType: 'movement', entityId: id });
  };
  for (const [key, people] of [...groups.entries()].sort()) await insert(key, people);
  if (missed.length) {
    const noShow = missed[0]!.steps.find((s) => s.state === 'no_show')!.on;
    await insert(`${noShow}|${missed[0]!.nationality}`, missed, true);
  }
  return n;
}

/** Nationality confirmed through a request: one answered request per embassy and month. */
export async function loadRequests(
  w: Work,
  cases: PlannedCase[],
  ids: Map<PlannedCase, string>,
  embassyOf: Map<string, string>,
  by: By,
  record: Audit,
  officer: Actor,
): Promise<number> {
  const groups = new Map<string, PlannedCase[]>();
  for (const c of cases) {
    if (c.confirmed?.via !== 'request') continue;
    const key = `${c.confirmed.on.slice(0, 7)}|${c.nationality}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  let n = 0;
  const francophone = new Set(['NER', 'MLI', 'CIV', 'GIN', 'BFA', 'CMR', 'SEN', 'TCD', 'TGO', 'BEN', 'COD']);
  const arabic = new Set(['SDN', 'EGY', 'MAR', 'TUN', 'DZA', 'SYR', 'TCD']);
  for (const [key, people] of [...groups.entries()].sort()) {
    const [, country] = key.split('|') as [string, string];
    const embassy = embassyOf.get(country);
    if (!embassy) continue;
    const sentOn = people.map((p) => p.consentOn ?? p.requestedOn).sort()[0]!;
    const answeredOn = people
      .map((p) => p.confirmed!.on)
      .sort()
      .at(-1)!;
    const id = newId();
    await w.tx.insert(embassyRequests).values({
      missionId: w.actor.missionId,
      id,
      reference: `DEMO-EMB-${key.slice(0, 4)}-${String(++n).padStart(4, '0')}`,
      embassyOrganisationId: embassy,
      nationality: country,
      language: arabic.has(country) ? 'ar' : francophone.has(country) ? 'fr' : 'en',
      status: 'answered',
      sentFields: ['registrationNumber', 'givenName', 'familyName', 'sex', 'birthDate', 'nationality'],
      sentOn: sentOn < answeredOn ? sentOn : answeredOn,
      answeredOn,
      ...by,
    });
    await w.tx.insert(embassyRequestPeople).values(
      people.map((p) => ({
        missionId: w.actor.missionId,
        requestId: id,
        caseId: ids.get(p)!,
        personId: p.personId,
        answer: 'confirmed',
        answeredOn: p.confirmed!.on,
        ...by,
      })),
    );
    await record(officer, sentOn, { action: 'share', entityType: 'embassy_request', entityId: id });
  }
  return n;
}
