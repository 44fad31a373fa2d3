import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  createExitClearance,
  createTravelDocument,
  TRAVEL_DOCUMENT_TYPES,
} from '../../../domain/returns/cases.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { can } from '../../components/record/record.ts';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../i18n/format.ts';
import { postExitClearance, postTravelDocument, useReturnsRefresh } from './api.ts';
import { blankToUndefined } from './logic.ts';
import { useEmbassyOptions } from './parts.tsx';
import type { ReturnCase } from './types.ts';

type Done = (u: ReturnCase) => void;

/** A document section: its list, and an "add" button opening its form when the server offers it. */
function DocumentSection({
  title,
  addLabel,
  offered,
  testId,
  list,
  form,
}: {
  title: string;
  addLabel: string;
  offered: boolean;
  testId: string;
  list: ReactNode;
  form: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      title={title}
      testId={testId}
      actions={
        offered && !open ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setOpen(true)}
            data-testid={`${testId}-add`}
          >
            {addLabel}
          </Button>
        ) : null
      }
    >
      <Stack>
        {list}
        {open ? form(() => setOpen(false)) : null}
      </Stack>
    </Section>
  );
}

export function TravelDocuments({ rc, onDone }: { rc: ReturnCase; onDone: Done }) {
  const { t } = useTranslation();
  const docs = rc.travelDocuments;
  return (
    <DocumentSection
      title={t('returns.documents.title')}
      addLabel={t('returns.documents.add')}
      offered={can(rc, 'add_travel_document')}
      testId="travel-documents"
      list={
        docs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('returns.documents.none')}
          </Text>
        ) : (
          <ScrollTable minWidth={560} label={t('returns.documents.title')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('returns.documents.type')}</Table.Th>
                  <Table.Th>{t('returns.documents.number')}</Table.Th>
                  <Table.Th>{t('returns.documents.issuer')}</Table.Th>
                  <Table.Th>{t('returns.documents.validity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {docs.map((d) => (
                  <Table.Tr key={d.id} data-testid="travel-document">
                    <Table.Td>{t(`returns.documentTypes.${d.type}`)}</Table.Td>
                    <Table.Td>
                      <span className="sanad-ltr">{d.number}</span>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{d.issuingOrganisationName}</bdi>
                    </Table.Td>
                    <Table.Td className="sanad-nowrap">
                      {formatDate(d.issuedOn)} – {formatDate(d.expiresOn)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )
      }
      form={(close) => (
        <TravelDocumentForm
          rc={rc}
          onCancel={close}
          onDone={(u) => {
            close();
            onDone(u);
          }}
        />
      )}
    />
  );
}

export function ExitClearances({ rc, onDone }: { rc: ReturnCase; onDone: Done }) {
  const { t } = useTranslation();
  const visas = rc.exitClearances;
  return (
    <DocumentSection
      title={t('returns.exit.title')}
      addLabel={t('returns.exit.add')}
      offered={can(rc, 'add_exit_clearance')}
      testId="exit-clearances"
      list={
        visas.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('returns.exit.none')}
          </Text>
        ) : (
          <Stack gap={4}>
            {visas.map((x) => (
              <Text key={x.id} size="sm" data-testid="exit-clearance">
                <span className="sanad-ltr">{x.reference}</span> · {formatDate(x.issuedOn)} –{' '}
                {formatDate(x.validUntil)}
              </Text>
            ))}
          </Stack>
        )
      }
      form={(close) => (
        <ExitClearanceForm
          rc={rc}
          onCancel={close}
          onDone={(u) => {
            close();
            onDone(u);
          }}
        />
      )}
    />
  );
}

/** Shared by both forms: validate with the domain schema, send once per form (idempotency key). */
function useDocumentForm<V extends Record<string, unknown>, S extends z.ZodType>(
  initial: V,
  schema: S,
  send: (body: z.output<S>, key: string) => Promise<ReturnCase>,
  onDone: Done,
) {
  const form = useFormState<V>(initial);
  const refresh = useReturnsRefresh();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = form.validate(schema, blankToUndefined(form.values));
      if (body !== null) {
        const updated = await send(body, key);
        await refresh();
        onDone(updated);
      }
    } catch (err) {
      // what was typed stays; the server's field errors show in place
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, submit };
}

function FormButtons({ busy, onCancel, testId }: { busy: boolean; onCancel: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid={testId}>
        {t('returns.documents.save')}
      </Button>
    </Group>
  );
}

function TravelDocumentForm({
  rc,
  onCancel,
  onDone,
}: {
  rc: ReturnCase;
  onCancel: () => void;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const embassies = useEmbassyOptions();
  const { form, busy, submit } = useDocumentForm(
    {
      type: 'emergency_travel_document' as string,
      issuingOrganisationId: rc.embassyOrganisationId,
      number: '',
      issuedOn: '',
      expiresOn: '',
    },
    createTravelDocument,
    (body, key) => postTravelDocument(rc, body, key),
    onDone,
  );
  const { values: v, set, errors } = form;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="travel-document-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('returns.documents.type')}
            data={TRAVEL_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`returns.documentTypes.${d}`) }))}
            value={v.type}
            allowDeselect={false}
            onChange={(d) => d && set('type', d)}
            error={errors.type}
            data-testid="document-type"
          />
          <Select
            label={t('returns.documents.issuer')}
            searchable
            data={embassies.options}
            value={v.issuingOrganisationId}
            onChange={(o) => set('issuingOrganisationId', o)}
            error={errors.issuingOrganisationId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="document-issuer"
          />
          <TextInput
            label={t('returns.documents.number')}
            dir="ltr"
            {...form.text('number')}
            data-testid="document-number"
          />
          <div />
          <TextInput
            type="date"
            label={t('returns.documents.issuedOn')}
            {...form.text('issuedOn')}
            data-testid="document-issued"
          />
          <TextInput
            type="date"
            label={t('returns.documents.expiresOn')}
            {...form.text('expiresOn')}
            data-testid="document-expires"
          />
        </SimpleGrid>
        <OtherErrors
          messages={unplacedErrors(errors, [
            'type',
            'issuingOrganisationId',
            'number',
            'issuedOn',
            'expiresOn',
          ])}
        />
        <FormAlert error={form.requestError} />
        <FormButtons busy={busy} onCancel={onCancel} testId="document-save" />
      </Stack>
    </form>
  );
}

function ExitClearanceForm({ rc, onCancel, onDone }: { rc: ReturnCase; onCancel: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const { form, busy, submit } = useDocumentForm(
    { reference: '', issuedOn: '', validUntil: '' },
    createExitClearance,
    (body, key) => postExitClearance(rc, body, key),
    onDone,
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="exit-clearance-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('returns.exit.reference')}
            dir="ltr"
            {...form.text('reference')}
            data-testid="exit-reference"
          />
          <TextInput
            type="date"
            label={t('returns.exit.issuedOn')}
            {...form.text('issuedOn')}
            data-testid="exit-issued"
          />
          <TextInput
            type="date"
            label={t('returns.exit.validUntil')}
            {...form.text('validUntil')}
            data-testid="exit-valid-until"
          />
        </SimpleGrid>
        <OtherErrors messages={unplacedErrors(form.errors, ['reference', 'issuedOn', 'validUntil'])} />
        <FormAlert error={form.requestError} />
        <FormButtons busy={busy} onCancel={onCancel} testId="exit-save" />
      </Stack>
    </form>
  );
}
