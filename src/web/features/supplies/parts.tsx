// Small pieces shared by the stock pages: quantities in packs and units, lot badges, pickers' options.
import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseUnit } from '../../../domain/supplies/catalogue.ts';
import { formatQuantity } from '../../../domain/supplies/quantities.ts';
import { localName } from '../../components/BilingualName.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { type Item, type StockPoint, useItems, useProjects, useStockPoints } from './api.ts';

export interface Option {
  value: string;
  label: string;
}

/** "12 packs of 20 = 240 tablets", in the page's language. */
export const quantityText = (quantity: number, item: { baseUnit: string; packSize: number }) =>
  formatQuantity(quantity, { baseUnit: item.baseUnit as BaseUnit, packSize: item.packSize }, currentLocale());

export function Quantity({
  value,
  item,
  testId,
}: {
  value: number;
  item: { baseUnit: string; packSize: number };
  testId?: string;
}) {
  return (
    <Text size="sm" span className="sanad-nowrap" data-testid={testId} data-value={value}>
      <bdi>{quantityText(value, item)}</bdi>
    </Text>
  );
}

/** A lot's expiry, with "Expired" or "Blocked" when issuing refuses it. */
export function Expiry({ on, expired, blocked }: { on: string; expired?: boolean; blocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" span className="sanad-nowrap">
        {formatDate(on)}
      </Text>
      {expired ? (
        <Badge color="red" variant="light" data-testid="badge-expired">
          {t('supplies.stock.expired')}
        </Badge>
      ) : blocked ? (
        <Badge color="orange" variant="light" data-testid="badge-blocked">
          {t('supplies.stock.blocked')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** "ORS-20 · Oral rehydration salts" in the reader's language when the item has it. */
export const itemLabel = (i: Pick<Item, 'code' | 'name' | 'nameAr' | 'nameFr'>) =>
  `${i.code} · ${localName({ name: i.name, nameAr: i.nameAr, nameFr: i.nameFr })}`;
export const pointLabel = (p: Pick<StockPoint, 'name' | 'nameAr' | 'nameFr'>) =>
  localName({ name: p.name, nameAr: p.nameAr, nameFr: p.nameFr });

/** Items for a picker, and each item by id (its unit and pack size for quantities). */
export function useItemOptions() {
  const items = useItems();
  return useMemo(() => {
    const list = items.data ?? [];
    return {
      options: list.map((i) => ({ value: i.id, label: itemLabel(i) })),
      byId: new Map(list.map((i) => [i.id, i])),
      loading: items.isPending,
    };
  }, [items.data, items.isPending]);
}

export function usePointOptions() {
  const points = useStockPoints();
  return useMemo(() => {
    const list = points.data ?? [];
    return {
      options: list.map((p) => ({ value: p.id, label: pointLabel(p) })),
      byId: new Map(list.map((p) => [p.id, p])),
    };
  }, [points.data]);
}

export function useProjectOptions(): Option[] {
  const projects = useProjects();
  return useMemo(
    () => (projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
    [projects.data],
  );
}

/** Today as YYYY-MM-DD in the user's time zone (a fact's date defaults to it). */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
