import { Button, Modal, Stack } from '@mantine/core';
import { IconClipboardList, IconSend, IconSignature } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/links.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { Section } from '../../../components/Section.tsx';
import type { Person } from '../../registry/api.ts';
import { latinName } from '../../registry/PersonParts.tsx';
import { personOffers } from '../access.ts';
import { type ProtectionCase, type Referral, useProtectionSummary, useScreenings } from '../api.ts';
import { ConsentForm } from '../consents/ConsentForm.tsx';
import { ConsentsPanel } from '../consents/ConsentsPanel.tsx';
import { ReferralForm } from '../referrals/ReferralForm.tsx';
import { ReferralsTable } from '../referrals/ReferralsTable.tsx';
import { CasePanel } from './CasePanel.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { ProtectionSummary } from './ProtectionSummary.tsx';
import { ScreeningsPanel } from './ScreeningsPanel.tsx';
import { TasksPanel } from './TasksPanel.tsx';

/**
 * A protection officer's whole view of one person: latest outcome, screenings, referrals,
 * consents, the case, follow-up tasks and case notes.
 */
export function ProtectionTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // what may be done for THIS person: the server's word, on the person's summary
  const summary = useProtectionSummary(person.id);
  const may = personOffers(summary.data);
  const screenings = useScreenings(person.id);
  const referrals = useCursorList<Referral>('referrals', { personId: person.id }, 10);
  const cases = useCursorList<ProtectionCase>('cases', { personId: person.id }, 10);
  const [dialog, setDialog] = useState<'consent' | 'referral' | null>(null);
  // `?refer=<service>`: a screening's "Refer" opens the referral form at once, service prefilled
  const { refer } = useSearch({ from: '/app/persons/$id' });
  // once the screenings are in: the form takes the latest screening's flags when it opens
  const loaded = screenings.isSuccess && !screenings.isFetching;
  useEffect(() => {
    if (refer && may.refer && loaded) setDialog('referral');
  }, [refer, may.refer, loaded]);
  const latest = screenings.data?.items[0];
  const activeCase = cases.items.find((c) => c.status !== 'closed');
  const close = () => {
    setDialog(null);
    if (refer)
      void navigate({
        to: '/persons/$id',
        params: { id: person.id },
        search: (s) => ({ ...s, refer: undefined }),
        replace: true,
      });
  };
  const name = latinName(person);

  const actions =
    may.screen || may.refer || may.recordConsent ? (
      <>
        {may.screen ? (
          <ButtonLink
            to="/persons/$id/screening"
            params={{ id: person.id }}
            leftSection={<IconClipboardList size={16} aria-hidden />}
            data-testid="new-screening"
          >
            {t('screening.new')}
          </ButtonLink>
        ) : null}
        {may.refer ? (
          <Button
            variant="light"
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={() => setDialog('referral')}
            data-testid="refer"
          >
            {t('referral.refer')}
          </Button>
        ) : null}
        {may.recordConsent ? (
          <Button
            variant="default"
            leftSection={<IconSignature size={16} aria-hidden />}
            onClick={() => setDialog('consent')}
            data-testid="record-consent-top"
          >
            {t('consent.record')}
          </Button>
        ) : null}
      </>
    ) : null;

  return (
    <Stack data-testid="protection-tab">
      <ProtectionSummary
        riskLevel={latest?.riskLevel ?? null}
        flags={latest?.flags ?? []}
        screenedOn={latest?.screenedOn ?? null}
        caseStatus={activeCase?.status ?? null}
        actions={actions}
      />
      <ScreeningsPanel query={screenings} />
      <Section title={t('referral.title')} testId="referrals-panel">
        <ReferralsTable list={referrals} withPerson={false} testId="person-referrals" framed={false} />
      </Section>
      <ConsentsPanel person={person} mayWrite={may.recordConsent} onRecord={() => setDialog('consent')} />
      <CasePanel personId={person.id} />
      <TasksPanel person={person} mayCreate={may.setTask} />
      <NotesPanel personId={person.id} mayWrite={may.writeNote} />
      <Modal opened={dialog === 'consent'} onClose={close} title={t('consent.recordFor', { name })} size="lg">
        {dialog === 'consent' ? <ConsentForm person={person} onDone={close} onCancel={close} /> : null}
      </Modal>
      <Modal
        opened={dialog === 'referral'}
        onClose={close}
        title={t('referral.referTitle', { name })}
        size="lg"
      >
        {dialog === 'referral' ? (
          <ReferralForm
            person={person}
            flags={latest?.flags ?? []}
            overridesConsent={may.overrideConsent}
            services={summary.data?.referralServices ?? []}
            service={refer}
            onCancel={close}
            onDone={(r) =>
              void navigate({ to: '/referrals/$id', params: { id: r.id }, search: { created: true } })
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
