// Composition root of the web app (one file per page that takes contributions), beside the route
// tree: what each feature adds to pages owned by another. Each file is its page's chunk, so a page
// fetches only its own contributions. Features never import a later feature for this; see
// ARCHITECTURE.md "Adding a module".

import { ClinicHomePanel } from '../../features/health/ClinicHome.tsx';
import { MyFollowUpsPanel } from '../../features/health/counselling/MyFollowUpsPanel.tsx';
import { OpenAlertsPanel } from '../../features/health/surveillance/OpenAlertsPanel.tsx';
import type { HomePanel } from '../../features/home/contributions.ts';
import { HomePage } from '../../features/home/HomePage.tsx';
import { AwaitingReferral } from '../../features/protection/home/AwaitingReferral.tsx';
import { ProtectionFigures } from '../../features/protection/home/ProtectionFigures.tsx';
import { ProtectionHome } from '../../features/protection/home/ProtectionHome.tsx';
import { OccupancyPanel } from '../../features/registry/Occupancy.tsx';
import { RegistryPanel } from '../../features/registry/RegistryPanel.tsx';
import { ReturnsHeadlinePanel } from '../../features/returns/board/FiguresPanel.tsx';
import { StockAlerts } from '../../features/supplies/home/StockAlerts.tsx';

/** Home panels, in page order within their placement. */
export const HOME_PANELS: readonly HomePanel[] = [
  { key: 'protection', capability: 'tasks:read', placement: 'top', Panel: ProtectionHome },
  // the picture over the reader's whole scope (a manager: the mission), beside their own work
  { key: 'protection-figures', capability: 'screenings:read', placement: 'top', Panel: ProtectionFigures },
  // flagged people not yet referred: for those who read screenings
  { key: 'awaiting-referral', capability: 'screenings:read', placement: 'grid', Panel: AwaitingReferral },
  { key: 'registry', capability: 'registry:read', placement: 'grid', Panel: RegistryPanel },
  { key: 'occupancy', capability: 'centres:read', placement: 'grid', Panel: OccupancyPanel },
  // the stock officer's: low stock and lots near or past expiry at the points they read
  { key: 'stock-alerts', capability: 'stock:read', placement: 'top', Panel: StockAlerts },
  // the counsellor's follow-ups, urgent first
  { key: 'my-follow-ups', capability: 'follow_ups:read', placement: 'top', Panel: MyFollowUpsPanel },
  // outbreak alerts not yet responded to, for clinicians and managers
  { key: 'open-alerts', capability: 'alerts:read', placement: 'grid', Panel: OpenAlertsPanel },
  // the doctor's and nurse's home is today's clinic
  { key: 'clinic', capability: 'clinic_sessions:read', placement: 'top', Panel: ClinicHomePanel },
  // "N people returned to M countries" this year, for returns readers
  {
    key: 'returns-headline',
    capability: 'returns_board:read',
    placement: 'grid',
    Panel: ReturnsHeadlinePanel,
  },
];

export const ComposedHomePage = () => <HomePage panels={HOME_PANELS} />;
