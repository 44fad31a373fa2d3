// What later modules add to the directory's record pages (the registry's population of a centre,
// protection's data-sharing profile of an organisation). Listed by the composition root
// src/web/app/contributions.tsx and handed to the pages by the route tree.
import type { ComponentType } from 'react';

export interface RecordSection {
  key: string;
  /** shown only to users granted this capability; none: the section decides for itself */
  capability?: string;
  Section: ComponentType<{ recordId: string }>;
}
