import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panels.tsx';
import { FollowUpsList } from './FollowUpsList.tsx';

/** Home panel for counsellors: their open follow-ups, urgent first. */
export function MyFollowUpsPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('counselling.followUps.title')} testId="my-follow-ups">
      <FollowUpsList limit={6} />
    </Panel>
  );
}
