import { Navigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isModuleKey, MODULES, moduleHome } from '../../app/nav.ts';
import { NotFoundPage } from '../../app/RootLayout.tsx';
import { ComingLater } from '../../components/ComingLater.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';

export function ModulePage() {
  const { t } = useTranslation();
  const { module } = useParams({ from: '/app/modules/$module' });
  if (!isModuleKey(module)) return <NotFoundPage />;
  const def = MODULES.find((m) => m.key === module)!;
  const home = moduleHome(def);
  if (home) return <Navigate to={home} replace />;
  return (
    <RequireCapability capability={def.capability}>
      <PageHeader title={t(`modules.${module}`)} subtitle={t(`modules.about.${module}`)} />
      <ComingLater moduleName={t(`modules.${module}`)} />
    </RequireCapability>
  );
}
