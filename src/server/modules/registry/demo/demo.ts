// The registry part of the demo mission (DESIGN §10, issue 4): about 420 fictional people in the
// four demo centres over the past year — see demo-plan.ts for the story. Written through the
// registry's own code (registerPerson) and the same audited transaction as a request, acting as
// the demo users: demo-caseworker registers and moves people, demo-manager merges one duplicate,
// demo-monitor records the authority's weekly headcounts.
//
// Dates: the plan is laid out backwards from the day it is loaded (the app clock's date), so the
// demo is always current; the seed fixes everything else, and a given load date always gives the
// same data. Idempotent: if demo-caseworker has registered anyone, nothing is loaded again.

import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { ageOn } from '../../../../domain/registry/age';
import { centres, episodes, headcounts, persons, roleAssignments, users } from '../../../db/schema/index';
import type { Actor } from '../../../platform/actor';
import { auditBuffer } from '../../../platform/audit';
import type { AppContext } from '../../../platform/context';
import { asActor, asSystem, type Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { created } from '../../../platform/records';
import { move } from '../episodes.service';
import { merge } from '../merges.routes';
import { registerPerson } from '../registration';
import { addDays, int, mulberry32 } from './demo-people';
import { type Circumstances, DEMO_CENTRES, demoPlan, type EndReason, type Plan } from './demo-plan';

export { personFactory } from './demo-people';
export { demoPlan } from './demo-plan';

/** Progress for long steps: a self-updating line on a terminal, plain lines otherwise (DESIGN §9). */
export function progress(label: string, total: number) {
  const tty = process.stdout.isTTY === true;
  const t0 = performance.now();
  let shown = 0;
  return {
    tick(done: number) {
      const now = performance.now();
      if (tty ? now - shown < 200 && done < total : done % Math.max(1, Math.ceil(total / 5)) !== 0) return;
      shown = now;
      const left = done > 0 ? ((now - t0) / done) * (total - done) : 0;
      const line = `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round((100 * done) / total)}%, ${Math.ceil(left / 1000)} s left)`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else console.log(line);
    },
    done() {
      if (tty) process.stdout.write('\r\x1b[K');
      return Math.round(performance.now() - t0);
    },
  };
}

/** A demo user as an actor, for work done in their name (demo users have whole-mission scope). */
export async function demoActor(ctx: AppContext, missionId: string, username: string): Promise<Actor> {
  const found = await asSystem(ctx, missionId, async (w) => {
    const [u] = await w.tx
      .select()
      .from(users)
      .where(and(eq(users.missionId, missionId), eq(users.username, username)));
    if (!u) return undefined;
    const roles = await w.tx
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.missionId, missionId), eq(roleAssignments.userId, u.id)));
    return { u, roles };
  });
  if (!found) throw new Error(`The demo user ${username} is missing: load the directory demo first`);
  const roles = found.roles.map((r) => ({ role: r.role as Actor['roles'][number]['role'], centreIds: [] }));
  return { userId: found.u.id, username, missionId, organisationId: found.u.organisationId, roles, ip: null };
}

type AuditBuffer = ReturnType<typeof auditBuffer>;

/** The same transaction, acting (and audited, through the load's buffer) as another demo user. */
const actingAs = (w: Work, actor: Actor, events: AuditBuffer): Work => ({
  ...w,
  actor,
  audit: (input) => events.add(actor, input, w.now),
});

/** Ends the person's open stay; a transfer opens the next one (the route's own code). */
async function endStay(w: Work, personId: string, date: string, reason: EndReason, to?: string) {
  await move(
    w,
    personId,
    to ? { type: 'transfer', centreId: to, date } : { type: reason as Exclude<EndReason, 'transfer'>, date },
  );
}

async function admit(
  w: Work,
  personId: string,
  centreId: string,
  date: string,
  circumstances: Circumstances,
) {
  await move(w, personId, { type: 'admission', centreId, date, circumstances });
}

type Step =
  | { day: number; order: 1; person: number; kind: 'register' | 'admit'; centre: number; c: Circumstances }
  | { day: number; order: 0; person: number; kind: 'end'; reason: EndReason; to?: number };

/** Every registration, admission and end of stay of the plan, in the order they happened. */
function steps(plan: Plan): Step[] {
  const out: Step[] = [];
  plan.people.forEach((p, person) => {
    p.detentions.forEach((stays, k) => {
      const first = stays[0]!;
      out.push({
        day: first.from,
        order: 1,
        person,
        kind: k === 0 ? 'register' : 'admit',
        centre: first.centre,
        c: first.circumstances,
      });
      stays.forEach((s, j) => {
        if (s.to === null || !s.reason) return;
        const next = s.reason === 'transfer' ? stays[j + 1]?.centre : undefined;
        out.push({
          day: s.to,
          order: 0,
          person,
          kind: 'end',
          reason: s.reason,
          ...(next !== undefined ? { to: next } : {}),
        });
      });
    });
  });
  return out.sort((a, b) => a.day - b.day || a.order - b.order || a.person - b.person);
}

/** The authority's weekly counts: near Sanad's own, never quite equal, sometimes without a breakdown. */
function authorityCounts(plan: Plan) {
  const rng = mulberry32(7);
  const out: {
    centre: number;
    day: number;
    total: number;
    men?: number;
    women?: number;
    children?: number;
    note?: string;
  }[] = [];
  for (let centre = 0; centre < DEMO_CENTRES.length; centre++) {
    for (let day = -364; day <= -1; day += 7) {
      const on = addDays(plan.today, day);
      const here = plan.people.filter((p) =>
        p.detentions.some((d) =>
          d.some((s) => s.centre === centre && s.from <= day && (s.to === null || s.to > day)),
        ),
      );
      const ours = here.length;
      let total = Math.max(0, Math.round(ours * (0.95 + rng() * 0.15)) + (rng() < 0.3 ? int(rng, 1, 6) : 0));
      if (total === ours && ours > 0) total += rng() < 0.5 ? -1 : 2;
      const row: (typeof out)[number] = { centre, day, total };
      if (ours > 0 && rng() < 0.75) {
        const age = (b?: string) => ageOn(b, on) ?? 30;
        const children = here.filter((p) => age(p.identity.birthDate) < 18).length;
        const women = here.filter(
          (p) => p.identity.sex === 'female' && age(p.identity.birthDate) >= 18,
        ).length;
        row.children = Math.floor((children * total) / ours);
        row.women = Math.floor((women * total) / ours);
        row.men = total - row.children - row.women;
      }
      if (centre === 2 && day >= -171 && day <= -140)
        row.note = 'After the landings at Janzour; count at morning roll call';
      else if (rng() < 0.05) row.note = 'Figure given by the centre director by phone';
      out.push(row);
    }
  }
  return out;
}

export interface RegistryDemoSummary {
  created: boolean;
  persons: number;
  /** the deliberate duplicates: the first record and the later one under other spellings */
  duplicates: { originalId: string; duplicateId: string; merged: boolean }[];
}

/** Loads the registry part of the demo mission, after the directory demo. Running it twice changes nothing. */
export async function loadRegistryDemo(ctx: AppContext, missionId: string): Promise<RegistryDemoSummary> {
  const caseworker = await demoActor(ctx, missionId, 'demo-caseworker');
  const manager = await demoActor(ctx, missionId, 'demo-manager');
  const monitor = await demoActor(ctx, missionId, 'demo-monitor');
  const t0 = performance.now();
  return asActor(ctx, caseworker, async (direct) => {
    // ~1,500 audit events: appended together at the end of the load, the same chain (flushed below)
    const events = auditBuffer(direct.tx, missionId);
    const w = actingAs(direct, caseworker, events);
    const [done] = await w.tx
      .select({ n: count() })
      .from(persons)
      .where(and(eq(persons.missionId, missionId), eq(persons.createdBy, caseworker.userId)));
    if (done && done.n > 0) {
      console.log(`Registry demo already loaded: ${done.n} people registered by demo-caseworker.`);
      return { created: false, persons: done.n, duplicates: [] };
    }
    const found = await w.tx
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .where(
        and(
          eq(centres.missionId, missionId),
          inArray(
            centres.name,
            DEMO_CENTRES.map((c) => c.name),
          ),
        ),
      );
    const centreIds = DEMO_CENTRES.map((c) => found.find((f) => f.name === c.name)?.id);
    if (centreIds.some((c) => !c))
      throw new Error('The demo centres are missing: load the directory demo first');
    const centreId = (i: number) => centreIds[i] as string;

    const plan = demoPlan(w.now.toISOString().slice(0, 10));
    const date = (day: number) => addDays(plan.today, day);
    const ids: string[] = [];
    const all = steps(plan);
    const bar = progress('Registry demo: people and movements', all.length);
    const tally = new Map<string, number>();
    for (const [n, s] of all.entries()) {
      const p = plan.people[s.person]!;
      if (s.kind === 'end') {
        const to = s.to === undefined ? undefined : centreId(s.to);
        await endStay(w, ids[s.person]!, date(s.day), s.reason, to);
        tally.set(s.reason, (tally.get(s.reason) ?? 0) + 1);
      } else if (s.kind === 'admit') await admit(w, ids[s.person]!, centreId(s.centre), date(s.day), s.c);
      else {
        // seeded: the plan registers some people twice on purpose (the duplicates to merge), and
        // common names drawn from the name books would otherwise stop the load for a decision
        const row = await registerPerson(
          w,
          {
            ...p.identity,
            centreId: centreId(s.centre),
            admittedOn: date(s.day),
            circumstances: s.c,
            family: p.family.map((f) => ({ personId: ids[f.person]!, relationship: f.relationship })),
          },
          { seeded: true },
        );
        ids[s.person] = row.id;
      }
      bar.tick(n + 1);
    }
    bar.done();

    const m = actingAs(w, manager, events);
    for (const d of plan.duplicates.filter((x) => x.merged))
      await merge(m, ids[d.original]!, ids[d.duplicate]!);

    const counts = authorityCounts(plan);
    const mon = actingAs(w, monitor, events);
    for (const h of counts) {
      const { centre, day, ...fields } = h;
      const id = newId();
      const values = { ...fields, countedOn: date(day) };
      await mon.tx.insert(headcounts).values({ ...values, id, centreId: centreId(centre), ...created(mon) });
      await mon.audit({
        action: 'create',
        entityType: 'headcount',
        entityId: id,
        changedFields: Object.keys(values),
        detail: { centreId: centreId(centre) },
      });
    }

    await events.flush();

    const [open] = await w.tx
      .select({ n: count() })
      .from(episodes)
      .where(and(eq(episodes.missionId, missionId), isNull(episodes.endedOn)));
    const nationalities = new Set(plan.people.map((p) => p.identity.nationality)).size;
    console.log(
      `Registry demo loaded: ${plan.people.length} people from ${nationalities} nationalities, ${open?.n} detained now; ` +
        `${tally.get('transfer') ?? 0} transfers, ${tally.get('release') ?? 0} releases, ${tally.get('return') ?? 0} returns, ` +
        `${tally.get('deportation') ?? 0} deportations, ${tally.get('escape') ?? 0} escapes; ` +
        `${plan.duplicates.length} people registered twice (${plan.duplicates.filter((d) => d.merged).length} merged); ${counts.length} authority headcounts ` +
        `(${((performance.now() - t0) / 1000).toFixed(1)} s).`,
    );
    return {
      created: true,
      persons: plan.people.length,
      duplicates: plan.duplicates.map((d) => ({
        originalId: ids[d.original]!,
        duplicateId: ids[d.duplicate]!,
        merged: d.merged,
      })),
    };
  });
}
