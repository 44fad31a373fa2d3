import type { TimelineItem } from '../../../domain/registry/schemas';
import type { TimelineSource } from '../registry/timeline.queries';
import { assistanceOf } from './assistance.queries';
import { readsAssistance } from './stock.policy';

// Supplies items on a person's timeline: what they received, for those who read assistance.

const distributionItems: TimelineSource = async (w, p) => {
  if (!readsAssistance(w.actor)) return [];
  return (await assistanceOf(w, p.id)).map(
    (a): TimelineItem => ({
      id: `distribution:${a.distributionId}:${a.itemId}`,
      at: a.occurredOn,
      kind: 'distribution',
      category: 'assistance',
      detail: {
        distributionId: a.distributionId,
        reference: a.reference,
        centreName: a.centreName,
        itemName: a.itemName,
        category: a.category,
        quantity: a.quantity,
        baseUnit: a.baseUnit,
        packSize: a.packSize,
        overridden: a.overridden,
      },
    }),
  );
};

export const SUPPLIES_TIMELINE: TimelineSource[] = [distributionItems];
