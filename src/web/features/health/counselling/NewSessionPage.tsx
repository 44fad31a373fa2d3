import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { counsellingSessionCreate } from '../../../../domain/health/counselling.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { localDate } from '../surveillance/logic.ts';
import { postSession, useCounsellingRefresh } from './api.ts';
import { SessionForm } from './SessionForm.tsx';
import { emptySession, sessionPayload } from './session-form.ts';

/** Records a counselling session (individual or group). */
export function NewSessionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useCounsellingRefresh();
  // one key per form: a retry after a lost answer cannot record the session twice
  const [key] = useState(newIdempotencyKey);
  return (
    <RequireCapability capability="counselling:create">
      <BackLink to="/counselling">{t('counselling.back')}</BackLink>
      <PageHeader title={t('counselling.new')} />
      <SessionForm
        initial={emptySession(localDate())}
        submitLabel={t('counselling.form.save')}
        schema={counsellingSessionCreate}
        toPayload={sessionPayload}
        send={async (body) => {
          const created = await postSession(body, key);
          await refresh();
          await navigate({ to: '/counselling/$id', params: { id: created.id }, search: { created: true } });
        }}
      />
    </RequireCapability>
  );
}
