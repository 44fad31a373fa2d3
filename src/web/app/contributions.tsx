// Composition root of the web app, beside the route tree: the one place that lists what each
// feature adds to pages owned by another (home panels, person-page tabs and timeline items).
// Features never import a later feature for this; see ARCHITECTURE.md "Adding a module".
import type { ListColumn, ListColumns, RecordSection } from '../features/directory/contributions.ts';
import type { HomePanel } from '../features/home/contributions.ts';
import { AwaitingReferral } from '../features/protection/home/AwaitingReferral.tsx';
import { ProtectionFigures } from '../features/protection/home/ProtectionFigures.tsx';
import { ProtectionHome } from '../features/protection/home/ProtectionHome.tsx';
import {
  ProtectionIdentityTop,
  useProtectionPersonTab,
} from '../features/protection/person/contributions.tsx';
import { SharingProfilePanel } from '../features/protection/sharing/SharingProfilePanel.tsx';
import { useProtectionTimeline } from '../features/protection/timeline.tsx';
import { CentrePopulation } from '../features/registry/CentrePopulation.tsx';
import type { PersonPageParts, PersonTab } from '../features/registry/contributions.ts';
import { OccupancyPanel, useOccupancyColumn } from '../features/registry/Occupancy.tsx';
import { RegistryPanel } from '../features/registry/RegistryPanel.tsx';

/** Home panels, in page order within their placement. */
export const HOME_PANELS: readonly HomePanel[] = [
  { key: 'protection', capability: 'tasks:read', placement: 'top', Panel: ProtectionHome },
  // the picture over the reader's whole scope (a manager: the mission), beside their own work
  { key: 'protection-figures', capability: 'screenings:read', placement: 'top', Panel: ProtectionFigures },
  // flagged people not yet referred: for those who read screenings
  { key: 'awaiting-referral', capability: 'screenings:read', placement: 'grid', Panel: AwaitingReferral },
  { key: 'registry', capability: 'registry:read', placement: 'grid', Panel: RegistryPanel },
  { key: 'occupancy', capability: 'centres:read', placement: 'grid', Panel: OccupancyPanel },
];

/** Columns of the centres list: the people each centre holds now, against its capacity. */
export const CENTRE_COLUMNS: ListColumns = {
  // a fixed list of hooks, called in the same order on every render
  useColumns: () => [useOccupancyColumn()].filter((c): c is ListColumn => c !== null),
};

/** What later modules add to the registry's person page. */
export const PERSON_PAGE: PersonPageParts = {
  // a fixed list of hooks, called in the same order on every render
  useTabs: () => [useProtectionPersonTab()].filter((tab): tab is PersonTab => tab !== null),
  IdentityTop: ProtectionIdentityTop,
  useDescribe: () => {
    const describers = [useProtectionTimeline()];
    return (item) => {
      for (const describe of describers) {
        const found = describe(item);
        if (found) return found;
      }
      return null;
    };
  },
};

/** Below a centre's record: its population (the component checks its own capabilities). */
export const CENTRE_SECTIONS: readonly RecordSection[] = [
  { key: 'population', Section: ({ recordId }) => <CentrePopulation centreId={recordId} /> },
];

/** Below an organisation's record. The sharing profile's own policy says who sees it (/me), the
 * profile's allowedActions who edits it. */
export const ORGANISATION_SECTIONS: readonly RecordSection[] = [
  {
    key: 'sharing-profile',
    capability: 'sharing_profiles:read',
    Section: ({ recordId }) => <SharingProfilePanel organisationId={recordId} />,
  },
];
