import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/common/dates';
import { mulberry32 } from '../../registry/demo/demo-people';
import { type DemoStay, planReturns, refusedSteps } from './demo-plan';

// The demo's return cases are honest: every step of every case passes the state machine on the
// facts of its day, whatever the stays (a year of arrivals, returns, releases, flagged people).

const TODAY = '2026-11-02';
function stays(seed: number, n: number): DemoStay[] {
  const rng = mulberry32(seed);
  const nats = ['NGA', 'NER', 'GHA', 'BGD', 'MLI', 'SDN', 'ERI', 'EGY'];
  return Array.from({ length: n }, (_, i) => {
    const admittedOn = addDays(TODAY, -Math.floor(rng() * 360) - 1);
    const r = rng();
    const len = 5 + Math.floor(rng() * 150);
    const endedOn = r < 0.4 || addDays(admittedOn, len) > TODAY ? null : addDays(admittedOn, len);
    return {
      personId: `p${i % Math.floor(n * 0.95)}`,
      nationality: nats[i % nats.length] as string,
      centreId: `c${i % 4}`,
      admittedOn,
      endedOn,
      endReason: endedOn ? (r < 0.75 ? 'return' : 'release') : null,
      flagged: rng() < 0.1,
    };
  });
}

describe('the returns demo plan', () => {
  for (const seed of [1, 2, 3, 1313])
    it(`passes the state machine at every step (seed ${seed})`, () => {
      const plan = planReturns(mulberry32(seed), stays(seed, 400), TODAY);
      expect(plan.cases.length).toBeGreaterThan(150);
      const refused = plan.cases.flatMap((c) => refusedSteps(c).map((r) => `${c.personId}: ${r}`));
      expect(refused).toEqual([]);
      // every state of the machine appears somewhere but the rarest exits
      const states = new Set(plan.cases.map((c) => c.steps.at(-1)?.state));
      for (const s of ['consented', 'booked', 'arrived', 'reintegration_in_progress', 'withdrawn'])
        expect(states).toContain(s);
    });

  it('never leaves a person with two cases in progress', () => {
    const plan = planReturns(mulberry32(7), stays(7, 400), TODAY);
    const open = new Map<string, number>();
    for (const c of plan.cases) {
      const last = c.steps.at(-1)?.state;
      if (last && !['closed', 'withdrawn', 'ineligible'].includes(last))
        open.set(c.personId, (open.get(c.personId) ?? 0) + 1);
    }
    expect([...open.values()].filter((n) => n > 1)).toEqual([]);
  });
});
