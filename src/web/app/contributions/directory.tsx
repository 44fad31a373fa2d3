// Composition root of the web app (one file per page that takes contributions), beside the route
// tree: what each feature adds to pages owned by another. Each file is its page's chunk, so a page
// fetches only its own contributions. Features never import a later feature for this; see
// ARCHITECTURE.md "Adding a module".
import { CentreEditPage } from '../../features/directory/centres/CentreEditPage.tsx';
import { CentresPage } from '../../features/directory/centres/CentresPage.tsx';
import type { ListColumn, ListColumns, RecordSection } from '../../features/directory/contributions.ts';
import { OrganisationEditPage } from '../../features/directory/organisations/OrganisationEditPage.tsx';
import { SharingProfilePanel } from '../../features/protection/sharing/SharingProfilePanel.tsx';
import { CentrePopulation } from '../../features/registry/CentrePopulation.tsx';
import { useOccupancyColumn } from '../../features/registry/Occupancy.tsx';

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

/** Columns of the centres list: the people each centre holds now, against its capacity. */
export const CENTRE_COLUMNS: ListColumns = {
  // a fixed list of hooks, called in the same order on every render
  useColumns: () => [useOccupancyColumn()].filter((c): c is ListColumn => c !== null),
};

export const ComposedCentrePage = () => <CentreEditPage sections={CENTRE_SECTIONS} />;
export const ComposedOrganisationPage = () => <OrganisationEditPage sections={ORGANISATION_SECTIONS} />;
export const ComposedCentresPage = () => <CentresPage columns={CENTRE_COLUMNS} />;
