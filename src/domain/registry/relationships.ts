import type { RELATIONSHIPS } from './schemas';

export type Relationship = (typeof RELATIONSHIPS)[number];

const INVERSE: Partial<Record<Relationship, Relationship>> = {
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  uncle_aunt: 'nephew_niece',
  nephew_niece: 'uncle_aunt',
};

/** How B is related to A when A is `r` of B (parent ↔ child…; the rest are symmetric). */
export const inverseRelationship = (r: Relationship): Relationship => INVERSE[r] ?? r;
