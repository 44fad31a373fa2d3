import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/panels.tsx';
import { OpenAlertsList } from './AlertParts.tsx';

/** Home panel for readers of alerts: what is new or verified and not yet responded to. */
export function OpenAlertsPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('alerts.open')} testId="open-alerts-panel">
      <OpenAlertsList limit={5} />
    </Panel>
  );
}
