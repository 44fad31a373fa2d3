import { describe, expect, it } from 'vitest';
import { consultationCreate } from '../../../domain/health/consultations.ts';
import {
  addDiagnosis,
  crossChecks,
  emptyForm,
  isSaveShortcut,
  markSeen,
  newLine,
  nextActive,
  onHandByItem,
  suggestedQuantity,
  toPayload,
  undispensed,
  updateLine,
  vitalFlags,
} from './logic.ts';

const SESSION = '0190c0de-0000-7000-8000-000000000001';
const PERSON = '0190c0de-0000-7000-8000-000000000002';
const ENTRY = '0190c0de-0000-7000-8000-000000000003';
const ITEM = '0190c0de-0000-7000-8000-000000000004';

describe('suggested quantity', () => {
  it('is doses a day × days', () => {
    expect(suggestedQuantity('od', 7)).toBe(7);
    expect(suggestedQuantity('bd', 5)).toBe(10);
    expect(suggestedQuantity('tds', 5)).toBe(15);
    expect(suggestedQuantity('qds', 3)).toBe(12);
    expect(suggestedQuantity('nocte', 10)).toBe(10);
  });

  it('rounds a weekly dose up to whole doses, without floating-point surprises', () => {
    expect(suggestedQuantity('weekly', 14)).toBe(2);
    expect(suggestedQuantity('weekly', 10)).toBe(2);
    expect(suggestedQuantity('weekly', 1)).toBe(1);
  });

  it('suggests nothing when the frequency gives no count or the days are missing', () => {
    expect(suggestedQuantity('prn', 5)).toBeNull();
    expect(suggestedQuantity('once', 1)).toBeNull();
    expect(suggestedQuantity('bd', '')).toBeNull();
    expect(suggestedQuantity('bd', 0)).toBeNull();
  });
});

describe('a prescription line', () => {
  it('starts with the quantity suggested, dispensing on only for those who may dispense', () => {
    const line = newLine(true);
    expect(line.quantity).toBe(suggestedQuantity(line.frequency, line.days));
    expect(line.dispense).toBe(true);
    expect(newLine(false).dispense).toBe(false);
    expect(newLine(true).key).not.toBe(line.key);
  });

  it('keeps the quantity following frequency × days until the prescriber types one', () => {
    let line = updateLine(newLine(true), { frequency: 'tds' });
    line = updateLine(line, { days: 7 });
    expect(line.quantity).toBe(21);
    line = updateLine(line, { quantity: 30 });
    expect(line.quantityEdited).toBe(true);
    line = updateLine(line, { days: 10, frequency: 'qds' });
    expect(line.quantity).toBe(30);
  });

  it('hands the quantity back to the suggestion when it is emptied', () => {
    let line = updateLine(updateLine(newLine(true), { quantity: 3 }), { days: 4 });
    expect(line.quantity).toBe(3);
    line = updateLine(line, { quantity: '' });
    expect(line.quantityEdited).toBe(false);
    expect(line.quantity).toBe(8);
  });

  it('leaves the quantity empty for the prescriber when nothing can be suggested', () => {
    expect(updateLine(newLine(true), { frequency: 'prn' }).quantity).toBe('');
  });
});

describe('diagnoses', () => {
  it('adds a code once, suspected at first', () => {
    const one = addDiagnosis([], 'B86');
    expect(one).toEqual([{ code: 'B86', certainty: 'suspected' }]);
    expect(addDiagnosis(one, 'B86')).toBe(one);
  });

  it('stops at the schema’s limit of ten', () => {
    let list = emptyForm().diagnoses;
    for (let i = 0; i < 12; i++) list = addDiagnosis(list, `A0${i % 10}.${Math.floor(i / 10)}`);
    expect(list).toHaveLength(10);
  });
});

describe('vitals flagged before sending', () => {
  it('flags a value outside its plausible range with that range', () => {
    const f = emptyForm();
    f.vitals.temperatureC = 385;
    f.vitals.pulse = 80;
    expect(vitalFlags(f.vitals)).toEqual({ temperatureC: { kind: 'range', min: 30, max: 43 } });
  });

  it('flags a diastolic pressure not below the systolic', () => {
    const f = emptyForm();
    f.vitals.systolic = 80;
    f.vitals.diastolic = 90;
    expect(vitalFlags(f.vitals)).toEqual({ diastolic: { kind: 'diastolic' } });
  });

  it('flags nothing for plausible or empty values', () => {
    const f = emptyForm();
    f.vitals.temperatureC = 38.5;
    f.vitals.spo2 = 97;
    expect(vitalFlags(f.vitals)).toEqual({});
    expect(vitalFlags(emptyForm().vitals)).toEqual({});
  });
});

describe('the payload', () => {
  it('is what the shared schema accepts for one diagnosis and one prescription', () => {
    const f = emptyForm();
    f.complaint = ' itching at night ';
    f.vitals.temperatureC = 37.2;
    f.diagnoses = addDiagnosis([], 'B86');
    f.prescriptions = [
      {
        ...updateLine(newLine(true), { itemId: ITEM, days: 1, frequency: 'once' }),
        quantity: 1,
        dose: '1 tube',
      },
    ];
    const payload = toPayload(f, { sessionId: SESSION, personId: PERSON, queueEntryId: ENTRY });
    const parsed = consultationCreate.parse(payload);
    expect(parsed.complaint).toBe('itching at night');
    expect(parsed.vitals).toEqual({ temperatureC: 37.2 });
    expect(parsed.queueEntryId).toBe(ENTRY);
    expect(parsed.prescriptions[0]).toMatchObject({ itemId: ITEM, quantity: 1, dispense: true });
    expect(parsed.treatmentNotes).toBeUndefined();
    expect(parsed.fitness).toBeUndefined();
  });

  it('sends the follow-up date only with that outcome, and fitness only when assessed', () => {
    const f = emptyForm();
    f.followUpOn = '2030-01-01';
    expect(toPayload(f, { sessionId: SESSION, personId: PERSON }).followUpOn).toBeUndefined();
    f.outcome = 'follow_up';
    f.fitnessStatus = 'fit_with_escort';
    f.fitnessValidUntil = '2030-02-01';
    const p = toPayload(f, { sessionId: SESSION, personId: PERSON });
    expect(p.followUpOn).toBe('2030-01-01');
    expect(p.fitness).toEqual({ status: 'fit_with_escort', validUntil: '2030-02-01' });
  });

  it('places the schema’s errors at the paths the form shows them', () => {
    const f = emptyForm();
    f.prescriptions = [{ ...newLine(false), frequency: 'prn', quantity: '' }];
    const r = consultationCreate.safeParse(toPayload(f, { sessionId: SESSION, personId: PERSON }));
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['prescriptions.0.itemId', 'prescriptions.0.dose', 'prescriptions.0.quantity']),
    );
  });

  it('asks for the follow-up date whatever else is wrong (the schema’s refinement may not run)', () => {
    const f = emptyForm();
    f.outcome = 'follow_up';
    // a missing quantity stops Zod before the whole-form refinement
    f.prescriptions = [{ ...newLine(false), frequency: 'prn', quantity: '' }];
    const r = consultationCreate.safeParse(toPayload(f, { sessionId: SESSION, personId: PERSON }));
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).not.toContain('followUpOn');
    expect(crossChecks(f)).toEqual({ followUpOn: 'validation.required' });
    f.followUpOn = '2030-01-01';
    expect(crossChecks(f)).toEqual({});
    f.outcome = 'treated';
    f.followUpOn = '';
    expect(crossChecks(f)).toEqual({});
  });
});

describe('keyboard', () => {
  it('saves with Ctrl+Enter or ⌘+Enter only', () => {
    expect(isSaveShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSaveShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSaveShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSaveShortcut({ key: 's', ctrlKey: true, metaKey: false })).toBe(false);
  });

  it('moves the highlighted match within the list', () => {
    expect(nextActive(0, 1, 3)).toBe(1);
    expect(nextActive(2, 1, 3)).toBe(2);
    expect(nextActive(0, -1, 3)).toBe(0);
    expect(nextActive(5, 1, 0)).toBe(0);
  });
});

describe('after saving and dispensing', () => {
  it('marks the entry seen, or referred when the patient was referred', () => {
    const queue = [
      { id: 'a', status: 'waiting' as const, consultationId: null },
      { id: 'b', status: 'waiting' as const, consultationId: null },
    ];
    expect(markSeen(queue, 'a', 'c1', 'treated')).toEqual([
      { id: 'a', status: 'seen', consultationId: 'c1' },
      queue[1],
    ]);
    expect(markSeen(queue, 'b', 'c2', 'referred')[1]).toEqual({
      id: 'b',
      status: 'referred',
      consultationId: 'c2',
    });
  });

  it('counts on hand per item from the lots issuing would take', () => {
    const m = onHandByItem([
      { itemId: 'x', onHand: 10, blocked: false },
      { itemId: 'x', onHand: 5, blocked: false },
      { itemId: 'x', onHand: 50, blocked: true },
      { itemId: 'y', onHand: 0, blocked: false },
    ]);
    expect(m.get('x')).toBe(15);
    expect(m.get('y')).toBe(0);
  });

  it('knows whether anything is left to dispense', () => {
    expect(undispensed({ prescriptions: [{ quantity: 10, dispensed: 10 }] })).toBe(false);
    expect(undispensed({ prescriptions: [{ quantity: 10, dispensed: 0 }] })).toBe(true);
    expect(undispensed({ prescriptions: [] })).toBe(false);
  });
});
