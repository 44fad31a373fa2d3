// What later modules add to the directory's record pages (the registry's population of a centre,
// protection's data-sharing profile of an organisation). Listed by the composition root
// src/web/app/contributions/ and handed to the pages by the route tree.
import type { ComponentType, ReactNode } from 'react';

export interface RecordSection {
  key: string;
  /** shown only to users granted this capability; none: the section decides for itself */
  capability?: string;
  Section: ComponentType<{ recordId: string }>;
}

/** A column later modules add to a directory list (the registry's people now in each centre). */
export interface ListColumn {
  key: string;
  header: ReactNode;
  cell: (recordId: string) => ReactNode;
}

/**
 * The columns, from one hook called once per render of the list: each column fetches for all rows
 * at once (no request per row).
 */
export interface ListColumns {
  useColumns: () => ListColumn[];
}
