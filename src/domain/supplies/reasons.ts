// The reason catalogue of the stock ledger (OpenLMIS's stock card line item reasons): each
// reason belongs to one kind of movement, moves stock one way (credit, debit) or either way
// (adjustment: a count's difference, a reversal), and says whether free text is allowed.

export const MOVEMENT_KINDS = [
  'receipt',
  'transfer_out',
  'transfer_in',
  'dispense',
  'distribution',
  'loss',
  'expiry_write_off',
  'count_adjustment',
  'reversal',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type ReasonType = 'credit' | 'debit' | 'adjustment';
export type FreeText = 'none' | 'optional' | 'required';

export interface Reason {
  kind: MovementKind;
  type: ReasonType;
  freeText: FreeText;
}

export const REASONS = {
  donation: { kind: 'receipt', type: 'credit', freeText: 'none' },
  purchase: { kind: 'receipt', type: 'credit', freeText: 'none' },
  returned_unused: { kind: 'receipt', type: 'credit', freeText: 'optional' },
  transfer_dispatched: { kind: 'transfer_out', type: 'debit', freeText: 'none' },
  transfer_received: { kind: 'transfer_in', type: 'credit', freeText: 'none' },
  dispensed: { kind: 'dispense', type: 'debit', freeText: 'none' },
  distributed: { kind: 'distribution', type: 'debit', freeText: 'none' },
  damaged: { kind: 'loss', type: 'debit', freeText: 'optional' },
  stolen: { kind: 'loss', type: 'debit', freeText: 'optional' },
  lost_in_transit: { kind: 'loss', type: 'debit', freeText: 'optional' },
  spoiled: { kind: 'loss', type: 'debit', freeText: 'optional' },
  loss_other: { kind: 'loss', type: 'debit', freeText: 'required' },
  expired: { kind: 'expiry_write_off', type: 'debit', freeText: 'none' },
  recall: { kind: 'expiry_write_off', type: 'debit', freeText: 'optional' },
  count_unrecorded_issue: { kind: 'count_adjustment', type: 'adjustment', freeText: 'optional' },
  count_unrecorded_receipt: { kind: 'count_adjustment', type: 'adjustment', freeText: 'optional' },
  count_damaged: { kind: 'count_adjustment', type: 'adjustment', freeText: 'optional' },
  count_error: { kind: 'count_adjustment', type: 'adjustment', freeText: 'optional' },
  count_other: { kind: 'count_adjustment', type: 'adjustment', freeText: 'required' },
  reversal: { kind: 'reversal', type: 'adjustment', freeText: 'required' },
} as const satisfies Record<string, Reason>;
export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];

export const reasonsOf = (kind: MovementKind): ReasonCode[] =>
  REASON_CODES.filter((c) => REASONS[c].kind === kind);

/** Receipts, losses and write-offs are entered directly; the other kinds come from their records. */
export const RECEIPT_REASONS = reasonsOf('receipt') as [ReasonCode, ...ReasonCode[]];
export const ISSUE_REASONS = [...reasonsOf('loss'), ...reasonsOf('expiry_write_off')] as [
  ReasonCode,
  ...ReasonCode[],
];
export const COUNT_REASONS = reasonsOf('count_adjustment') as [ReasonCode, ...ReasonCode[]];
/** Kinds that hand stock to someone: never from an expired (or, by setting, nearly expired) lot. */
export const ISSUING_KINDS: readonly MovementKind[] = ['transfer_out', 'dispense', 'distribution'];

/** Does a reason accept this text? (The field error's message, or null when it does.) */
export function reasonTextProblem(code: ReasonCode, text: string | undefined | null): string | null {
  const rule = REASONS[code].freeText;
  if (rule === 'required' && !text) return 'This reason needs a description';
  if (rule === 'none' && text) return 'This reason takes no description';
  return null;
}

/** The sign a reason gives a quantity: credits add, debits remove, adjustments keep their sign. */
export function signed(code: ReasonCode, quantity: number): number {
  const t = REASONS[code].type;
  return t === 'credit' ? Math.abs(quantity) : t === 'debit' ? -Math.abs(quantity) : quantity;
}
