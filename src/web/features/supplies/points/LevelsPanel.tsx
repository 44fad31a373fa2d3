import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors } from '../../../components/form/fieldErrors.ts';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { Panel } from '../../../components/panels.tsx';
import { putLevels, type StockLevels, useLevels } from '../api.ts';
import { quantityText, useItemOptions } from '../parts.tsx';

type Row = { itemId: string; minimum: number | string; maximum: number | string };

/** Minimum and maximum of each item at the point (base units); editable with `set_levels`. */
export function LevelsPanel({ stockPointId, editable }: { stockPointId: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const levels = useLevels(stockPointId);
  const items = useItemOptions();
  const [rows, setRows] = useState<Row[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (levels.data)
      setRows(levels.data.items.map(({ itemId, minimum, maximum }) => ({ itemId, minimum, maximum })));
  }, [levels.data]);
  const errors = error instanceof ApiError ? serverErrors(error.errors, t) : {};
  const set = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = rows.map((r) => ({
        itemId: r.itemId,
        minimum: Number(r.minimum),
        maximum: Number(r.maximum),
      }));
      const answer = await putLevels(stockPointId, body as StockLevels['items']);
      queryClient.setQueryData(['stock-points', 'levels', stockPointId], answer);
      void queryClient.invalidateQueries({ queryKey: ['stock-report'] });
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const unused = items.options.filter((o) => !rows.some((r) => r.itemId === o.value));
  return (
    <Panel title={t('supplies.levels.title')} testId="levels-panel">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('supplies.levels.help')}
        </Text>
        <FormAlert error={error} />
        {saved ? <SavedNote text={t('directory.saved')} /> : null}
        <ScrollTable minWidth={560} label={t('supplies.levels.title')}>
          <Table data-testid="levels-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supplies.stock.item')}</Table.Th>
                <Table.Th>{t('supplies.levels.minimum')}</Table.Th>
                <Table.Th>{t('supplies.levels.maximum')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const item = items.byId.get(r.itemId);
                const label = item ? `${item.code} · ${item.name}` : r.itemId;
                const cell = (field: 'minimum' | 'maximum') =>
                  editable ? (
                    <NumberInput
                      aria-label={`${label}: ${t(`supplies.levels.${field}`)}`}
                      min={0}
                      allowDecimal={false}
                      value={r[field]}
                      onChange={(n) => set(i, { [field]: n })}
                      error={errors[`items.${i}.${field}`]}
                      w={140}
                    />
                  ) : item ? (
                    quantityText(Number(r[field]), item)
                  ) : (
                    r[field]
                  );
                return (
                  <Table.Tr key={r.itemId} data-testid="level-row">
                    <Table.Td>
                      <bdi>{label}</bdi>
                    </Table.Td>
                    <Table.Td>{cell('minimum')}</Table.Td>
                    <Table.Td>{cell('maximum')}</Table.Td>
                    {editable ? (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('supplies.levels.remove', { item: label })}
                          onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {rows.length === 0 && !levels.isPending ? (
          <Text c="dimmed" size="sm">
            {t('supplies.levels.none')}
          </Text>
        ) : null}
        {editable ? (
          <Group align="flex-end">
            <Select
              label={t('supplies.levels.add')}
              searchable
              data={unused}
              value={adding}
              onChange={(v) => {
                if (!v) return;
                setRows((x) => [...x, { itemId: v, minimum: 0, maximum: 0 }]);
                setAdding(null);
              }}
              nothingFoundMessage={t('common.noResults')}
              w={300}
              data-testid="level-add"
            />
            <Button onClick={() => void save()} loading={busy} data-testid="levels-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Panel>
  );
}
