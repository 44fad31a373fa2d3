// What later modules may add to the person page. The registry defines the shape; each module
// implements it in its own folder; the web composition root (src/web/app/contributions/) lists
// them and the route tree hands them to the page. So the registry imports no later module.
import type { ComponentType, ReactNode } from 'react';
import type { Person, TimelineItem } from './api.ts';

/** A tab beside "Identity" on the person page. */
export interface PersonTab {
  /** its `?tab=` value (declared in the route's search schema) */
  value: 'protection' | 'assistance' | 'health' | 'counselling' | 'returns';
  label: string;
  icon: ReactNode;
  Panel: ComponentType<{ person: Person }>;
}

/** A timeline item as the page shows it. */
export interface DescribedItem {
  title: string;
  body?: string;
  link?: ReactNode;
}

export interface PersonPageParts {
  /** the tabs this viewer may open (a hook: visibility depends on the viewer's roles) */
  useTabs: () => PersonTab[];
  /** shown at the top of the identity tab; each decides for itself whether to show anything */
  IdentityTop: ComponentType<{ personId: string }>;
  /** describes the timeline items of later modules; null for a kind it does not know */
  useDescribe: () => (item: TimelineItem) => DescribedItem | null;
}

/** No later module: the registry alone (and the default for tests rendering the page by itself). */
export const NO_PERSON_PARTS: PersonPageParts = {
  useTabs: () => [],
  IdentityTop: () => null,
  useDescribe: () => () => null,
};
