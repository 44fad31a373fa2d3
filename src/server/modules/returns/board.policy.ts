import type { Actor } from '../../platform/actor';
import { definePolicy, mayRead } from '../../platform/policy';
import { readsReturns } from './returns.policy';

// The pipeline board lists people (the cases stuck longest, by name): returns readers only
// (DESIGN §5, returns row), each within the scope of their case list. The headline figures name
// no one: every role reads reporting aggregates (DESIGN §5, reporting row); returns readers get
// exact counts within their scope, the others counts under the disclosure threshold hidden
// (DESIGN §8).

export const returnsBoardPolicy = definePolicy({
  resource: 'returns board',
  actions: ['read'],
  onKind: ['read'],
  can(actor: Actor, action) {
    return action === 'read' && readsReturns(actor);
  },
});

export const returnsFiguresPolicy = definePolicy({
  resource: 'returns figures',
  actions: ['read', 'read_exact'],
  onKind: ['read', 'read_exact'],
  can(actor: Actor, action) {
    if (action === 'read') return mayRead(actor, 'reporting');
    return action === 'read_exact' && readsReturns(actor);
  },
});
