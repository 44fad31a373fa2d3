import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../domain/common/schemas.ts';
import { embassyLanguage } from '../../../../domain/returns/embassy.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { Section } from '../../../components/Section.tsx';
import { postRequest, useCandidates, useEmbassies, useEmbassyRefresh } from './api.ts';
import { PeopleTable } from './parts.tsx';

/**
 * A new request: the embassy and the nationality; the server shows who it would hold (consent to
 * return for that embassy, protection gate not blocked, nationality not yet confirmed) with only
 * the fields the embassy may receive, before anything is created.
 */
export function NewEmbassyRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useEmbassyRefresh();
  const embassies = useEmbassies();
  const [embassyId, setEmbassyId] = useState<string | null>(null);
  const [nationality, setNationality] = useState('');
  const [language, setLanguage] = useState<Locale | null>(null);
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const candidates = useCandidates(embassyId, nationality);
  const embassy = embassies.data?.items.find((e) => e.id === embassyId);

  const choose = (id: string | null) => {
    setEmbassyId(id);
    const e = embassies.data?.items.find((x) => x.id === id);
    // the embassy's own nationality and language, which the officer may change
    if (e?.countryCode) setNationality(e.countryCode);
    setLanguage(null);
  };
  const create = async () => {
    if (!embassyId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await postRequest(
        { embassyOrganisationId: embassyId, nationality, ...(language ? { language } : {}) },
        key,
      );
      await refresh();
      await navigate({ to: '/embassy-requests/$id', params: { id: r.id } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="embassy_requests:create">
      <BackLink to="/embassy-requests">{t('embassy.back')}</BackLink>
      <PageHeader title={t('embassy.new')} subtitle={t('embassy.newHelp')} />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('embassy.embassy')}
            data={(embassies.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={embassyId}
            onChange={choose}
            searchable
            w={{ base: '100%', sm: 320 }}
            data-testid="request-embassy"
          />
          <TextInput
            label={t('embassy.nationality')}
            description={t('embassy.nationalityHelp')}
            value={nationality}
            onChange={(e) => setNationality(e.currentTarget.value.toUpperCase().slice(0, 3))}
            w={{ base: '100%', sm: 160 }}
            data-testid="request-nationality"
          />
          <Select
            label={t('embassy.language')}
            allowDeselect={false}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={language ?? embassyLanguage(embassy?.countryCode)}
            onChange={(v) => setLanguage((v as Locale) ?? null)}
            w={{ base: '100%', sm: 180 }}
            data-testid="request-language"
          />
        </Group>
        {embassies.isError ? <ErrorState error={embassies.error} /> : null}
        <Section title={t('embassy.willHold')} testId="candidates">
          {candidates.isError ? (
            <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
          ) : !candidates.data ? (
            <Text c="dimmed" size="sm">
              {t('embassy.chooseFirst')}
            </Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('embassy.onlyFields')}
              </Text>
              <PeopleTable
                fields={candidates.data.fields}
                people={candidates.data.items}
                testId="candidate"
              />
            </Stack>
          )}
        </Section>
        <FormAlert error={error} />
        <Group>
          <Button
            onClick={() => void create()}
            loading={busy}
            disabled={!embassyId || !candidates.data}
            data-testid="create-request"
          >
            {t('embassy.create')}
          </Button>
        </Group>
      </Stack>
    </RequireCapability>
  );
}
