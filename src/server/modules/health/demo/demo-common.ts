import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { ageOn } from '../../../../domain/registry/age';
import { centres, episodes, persons, stockPoints } from '../../../db/schema/index';
import type { Actor } from '../../../platform/actor';
import type { AuditInput } from '../../../platform/audit';
import type { Work } from '../../../platform/http';

// What the health demo's parts share: the centres with their clinic pharmacies, who is held where
// on a day (one read of the registry's stays, kept in memory), and acting as a demo user on a day.

export interface DemoCentre {
  id: string;
  name: string;
  pharmacy: string;
}

export interface Held {
  id: string;
  sex: string;
  birthDate: string | null;
  centreId: string;
  from: string;
  to: string | null;
}

export interface Cast {
  doctor: Actor;
  nurse: Actor;
  counsellor: Actor;
  manager: Actor;
}

/** The demo's transaction, its audit events kept to be appended together at the end. */
export type DemoWork = Work & { record(actor: Actor, input: AuditInput, at: Date): Promise<void> };

/**
 * The same transaction as `actor` at `minutes` past midnight (UTC) of `day`: dates fall on it,
 * and its audit events name that user at that time.
 */
export function as(w: DemoWork, actor: Actor, day: string, minutes = 9 * 60): DemoWork {
  const now = new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
  return { ...w, actor, now, audit: (input) => w.record(actor, input, now) };
}

/** The mission's centres, by name, each with its clinic pharmacy (the supplies demo's). */
export async function clinicCentres(w: Work): Promise<DemoCentre[]> {
  const rows = await w.tx
    .select({ id: centres.id, name: centres.name, pharmacy: stockPoints.id })
    .from(centres)
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, centres.missionId),
        eq(stockPoints.centreId, centres.id),
        eq(stockPoints.kind, 'clinic_pharmacy'),
      ),
    )
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.active, true)))
    .orderBy(asc(centres.name));
  return rows;
}

/** Every stay at a centre of an active person (the registry's episodes). */
export function stays(w: Work): Promise<Held[]> {
  return w.tx
    .select({
      id: persons.id,
      sex: persons.sex,
      birthDate: persons.birthDate,
      centreId: episodes.centreId,
      from: episodes.admittedOn,
      to: episodes.endedOn,
    })
    .from(episodes)
    .innerJoin(persons, and(eq(persons.missionId, episodes.missionId), eq(persons.id, episodes.personId)))
    .where(and(eq(episodes.missionId, w.actor.missionId), eq(persons.status, 'active')))
    .orderBy(asc(persons.registrationNumber), asc(episodes.admittedOn));
}

/** The people held at a centre on a day (as `heldOnDay` says), once each. */
export function heldAt(all: readonly Held[], centreId: string, day: string): Held[] {
  const seen = new Set<string>();
  return all.filter((h) => {
    if (h.centreId !== centreId || h.from > day || (h.to !== null && h.to < day) || seen.has(h.id))
      return false;
    seen.add(h.id);
    return true;
  });
}

export const ageOf = (h: Held, day: string) => ageOn(h.birthDate, day) ?? 28;

/** Monday-based ISO weekday (1 = Monday) of a date. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The last `weekday` on or before `day`. */
export const lastWeekday = (day: string, weekday: number) =>
  addDays(day, -((weekdayOf(day) - weekday + 7) % 7));

/** A seeded shuffle (Fisher–Yates). */
export function shuffled<T>(rng: () => number, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
