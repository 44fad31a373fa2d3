// Records name their centre as it was written (the Latin name); the directory has its other names,
// so a page in Arabic or French shows the centre in the reader's language.
import { useMemo } from 'react';
import { localName } from '../../components/BilingualName.tsx';
import { useCentres } from '../supplies/api.ts';

/** `(centreId, recordedName)` → the centre's name in the page's language (the recorded one until the list is in). */
export function useCentreName(): (centreId: string, recorded: string) => string {
  const centres = useCentres();
  const byId = useMemo(() => new Map((centres.data ?? []).map((c) => [c.id, c])), [centres.data]);
  return (centreId, recorded) => {
    const c = byId.get(centreId);
    return c ? localName(c) : recorded;
  };
}
