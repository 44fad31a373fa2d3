// Composition root of the web app (one file per page that takes contributions), beside the route
// tree: what each feature adds to pages owned by another. Each file is its page's chunk, so a page
// fetches only its own contributions. Features never import a later feature for this; see
// ARCHITECTURE.md "Adding a module".
import { useAssistancePersonTab, useAssistanceTimeline } from '../../features/assistance/contributions.tsx';
import { useHealthPersonTab } from '../../features/health/contributions.tsx';
import { useCounsellingPersonTab } from '../../features/health/counselling/contributions.tsx';
import {
  ProtectionIdentityTop,
  useProtectionPersonTab,
} from '../../features/protection/person/contributions.tsx';
import { useProtectionTimeline } from '../../features/protection/timeline.tsx';
import type { PersonPageParts, PersonTab } from '../../features/registry/contributions.ts';
import { PersonPage } from '../../features/registry/PersonPage.tsx';
import { useReturnsPersonTab } from '../../features/returns/contributions.tsx';

/** What later modules add to the registry's person page. */
export const PERSON_PAGE: PersonPageParts = {
  // a fixed list of hooks, called in the same order on every render
  useTabs: () =>
    [
      useProtectionPersonTab(),
      useAssistancePersonTab(),
      useHealthPersonTab(),
      useCounsellingPersonTab(),
      useReturnsPersonTab(),
    ].filter((tab): tab is PersonTab => tab !== null),
  IdentityTop: ProtectionIdentityTop,
  useDescribe: () => {
    const describers = [useProtectionTimeline(), useAssistanceTimeline()];
    return (item) => {
      for (const describe of describers) {
        const found = describe(item);
        if (found) return found;
      }
      return null;
    };
  },
};

export const ComposedPersonPage = () => <PersonPage parts={PERSON_PAGE} />;
