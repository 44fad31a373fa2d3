import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BEFORE_DEPARTURE } from '../../../domain/returns/states.ts';
import { can } from '../../components/record/record.ts';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Consent, useConsents, useProtectionSummary } from '../protection/api.ts';
import { ConsentForm } from '../protection/consents/ConsentForm.tsx';
import { WithdrawForm } from '../protection/consents/WithdrawForm.tsx';
import { personQuery } from '../registry/api.ts';
import { placeName } from './parts.tsx';
import type { ReturnCase } from './types.ts';

const PURPOSE = 'return';

/** Is the consent to return what the case waits for: counselled, or a step refused for it? */
export const awaitsConsent = (rc: Pick<ReturnCase, 'state' | 'next'>) =>
  rc.state === 'counselled' || rc.next.some((n) => n.blockers.some((b) => b.code === 'no_consent'));

/**
 * The person's consent to return, for the case's embassy (DESIGN §6), recorded from the case with
 * protection's own consent form, its purpose and recipient fixed. Offered only where the server
 * says the reader may record a `return` consent for this person (the protection summary's
 * `consentPurposes`) and the case waits for it; a consent standing for that embassy is shown,
 * and can be withdrawn, until the person departs.
 */
export function ReturnConsent({ rc, onDone }: { rc: ReturnCase; onDone: () => void }) {
  const { t } = useTranslation();
  const embassy = rc.embassyOrganisationId;
  const summary = useProtectionSummary(rc.personId, !!embassy);
  const mayRecord = summary.data?.consentPurposes.includes(PURPOSE) ?? false;
  // before departure a consent may still be withdrawn; recording one is offered while the case waits
  const concerned = !!embassy && mayRecord && BEFORE_DEPARTURE.includes(rc.state);
  const offered = concerned && awaitsConsent(rc);
  const person = useQuery({ ...personQuery(rc.personId), enabled: offered });
  const consents = useConsents(rc.personId, concerned);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const mine = (consents.data?.items ?? []).filter(
    (c) => c.purpose === PURPOSE && c.recipientOrganisationId === embassy && !c.withdrawnOn,
  );
  if (!offered && mine.length === 0) return null;
  const embassyName = placeName(rc.embassyName, rc.embassyNameAr) ?? '';
  return (
    <Section
      title={t('returns.consent.title')}
      testId="return-consent"
      actions={
        offered && person.data ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSignature size={14} aria-hidden />}
            onClick={() => setRecording(true)}
            data-testid="return-consent-record"
          >
            {t('returns.consent.record')}
          </Button>
        ) : null
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('returns.consent.body')} <bdi>{embassyName}</bdi>
        </Text>
        {mine.map((c) => (
          <Group key={c.id} gap="xs" data-testid="return-consent-row">
            <Badge color={c.valid ? 'teal' : 'orange'} variant="light" tt="none">
              {t(`consent.decisions.${c.decision}`)}
            </Badge>
            <Text size="sm">{formatDate(c.givenOn)}</Text>
            {can(c, 'withdraw') ? (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => setWithdrawing(c)}
                data-testid="return-consent-withdraw"
              >
                {t('consent.withdraw')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('returns.consent.title')}>
        {recording && person.data ? (
          <ConsentForm
            person={person.data}
            preset={{ purpose: PURPOSE, recipientOrganisationId: embassy ?? undefined, fixed: true }}
            onCancel={() => setRecording(false)}
            onDone={() => {
              setRecording(false);
              onDone();
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={!!withdrawing} onClose={() => setWithdrawing(null)} title={t('consent.withdrawTitle')}>
        {withdrawing ? (
          <WithdrawForm
            consent={withdrawing}
            onCancel={() => setWithdrawing(null)}
            onDone={() => {
              setWithdrawing(null);
              onDone();
            }}
          />
        ) : null}
      </Modal>
    </Section>
  );
}
