import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panels.tsx';
import { TodayClinic } from './TodayClinic.tsx';

/** The doctor's and nurse's home: today's clinic. */
export function ClinicHomePanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('health.today.title')} testId="clinic-home">
      <TodayClinic />
    </Panel>
  );
}
