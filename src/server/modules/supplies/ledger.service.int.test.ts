import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../platform/http';
import { type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { firstShortfall, post } from './ledger.service';

let t: TestApp;
let s: SuppliesWorld;
beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
});
afterAll(() => t.close());

describe('the ledger service', () => {
  it('refuses a backdated debit that would make a later balance negative, naming the date and shortfall', async () => {
    const lot = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 10,
      occurredOn: '2026-10-01',
    });
    // 8 leave on 10-05: balance 10 → 2
    await asSystem(t.ctx, t.missionId, (w) =>
      post(w, [
        {
          stockPointId: s.storeA,
          itemId: s.clothing,
          lotId: lot,
          quantity: -8,
          occurredOn: '2026-10-05',
          reason: 'damaged',
        },
      ]),
    );
    // a 5 backdated to 10-03 leaves 5 then, but −3 after 10-05
    const refused = asSystem(t.ctx, t.missionId, (w) =>
      post(w, [
        {
          stockPointId: s.storeA,
          itemId: s.clothing,
          lotId: lot,
          quantity: -5,
          occurredOn: '2026-10-03',
          reason: 'damaged',
        },
      ]),
    );
    await expect(refused).rejects.toMatchObject({ status: 422 });
    await expect(refused).rejects.toThrow(/2026-10-05.*3 short/);
    const short = await asSystem(t.ctx, t.missionId, (w) =>
      firstShortfall(w, { stockPointId: s.storeA, itemId: s.clothing, lotId: lot }, 2, '2026-10-03', -2),
    );
    expect(short).toBeNull();
  });
});
