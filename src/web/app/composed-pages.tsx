// Pages that show what other features contribute (composition root: contributions.tsx). They are
// fetched with those contributions when first visited, so the sign-in page carries none of them.
import { CentreEditPage } from '../features/directory/centres/CentreEditPage.tsx';
import { CentresPage } from '../features/directory/centres/CentresPage.tsx';
import { OrganisationEditPage } from '../features/directory/organisations/OrganisationEditPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { PersonPage } from '../features/registry/PersonPage.tsx';
import {
  CENTRE_COLUMNS,
  CENTRE_SECTIONS,
  HOME_PANELS,
  ORGANISATION_SECTIONS,
  PERSON_PAGE,
} from './contributions.tsx';

export const ComposedHomePage = () => <HomePage panels={HOME_PANELS} />;
export const ComposedPersonPage = () => <PersonPage parts={PERSON_PAGE} />;
export const ComposedCentrePage = () => <CentreEditPage sections={CENTRE_SECTIONS} />;
export const ComposedOrganisationPage = () => <OrganisationEditPage sections={ORGANISATION_SECTIONS} />;
export const ComposedCentresPage = () => <CentresPage columns={CENTRE_COLUMNS} />;
