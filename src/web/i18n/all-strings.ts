// Every string of a language in one tree: the shell's, every bundle's and the enums' label tables.
// For tests and the e2e journeys (they find things by text); the app never imports it, as it would
// put every bundle in one chunk (page-strings.test.ts checks).
import type { Locale } from '../../domain/common/schemas.ts';
import arShell from './ar.json';
import arAssistance from './bundles/assistance/ar.json';
import enAssistance from './bundles/assistance/en.json';
import frAssistance from './bundles/assistance/fr.json';
import arAudit from './bundles/audit/ar.json';
import enAudit from './bundles/audit/en.json';
import frAudit from './bundles/audit/fr.json';
import { LABELS as auditLabels } from './bundles/audit/labels.ts';
import arCounselling from './bundles/counselling/ar.json';
import enCounselling from './bundles/counselling/en.json';
import frCounselling from './bundles/counselling/fr.json';
import { LABELS as counsellingLabels } from './bundles/counselling/labels.ts';
import arDirectory from './bundles/directory/ar.json';
import enDirectory from './bundles/directory/en.json';
import frDirectory from './bundles/directory/fr.json';
import { LABELS as directoryLabels } from './bundles/directory/labels.ts';
import arEmbassy from './bundles/embassy/ar.json';
import enEmbassy from './bundles/embassy/en.json';
import frEmbassy from './bundles/embassy/fr.json';
import { LABELS as embassyLabels } from './bundles/embassy/labels.ts';
import arHealth from './bundles/health/ar.json';
import enHealth from './bundles/health/en.json';
import frHealth from './bundles/health/fr.json';
import { LABELS as healthLabels } from './bundles/health/labels.ts';
import arHome from './bundles/home/ar.json';
import enHome from './bundles/home/en.json';
import frHome from './bundles/home/fr.json';
import arMovements from './bundles/movements/ar.json';
import enMovements from './bundles/movements/en.json';
import frMovements from './bundles/movements/fr.json';
import { LABELS as movementsLabels } from './bundles/movements/labels.ts';
import arProtection from './bundles/protection/ar.json';
import enProtection from './bundles/protection/en.json';
import frProtection from './bundles/protection/fr.json';
import { LABELS as protectionLabels } from './bundles/protection/labels.ts';
import arRegistry from './bundles/registry/ar.json';
import enRegistry from './bundles/registry/en.json';
import frRegistry from './bundles/registry/fr.json';
import { LABELS as registryLabels } from './bundles/registry/labels.ts';
import arReintegration from './bundles/reintegration/ar.json';
import enReintegration from './bundles/reintegration/en.json';
import frReintegration from './bundles/reintegration/fr.json';
import { LABELS as reintegrationLabels } from './bundles/reintegration/labels.ts';
import arReturns from './bundles/returns/ar.json';
import enReturns from './bundles/returns/en.json';
import frReturns from './bundles/returns/fr.json';
import { LABELS as returnsLabels } from './bundles/returns/labels.ts';
import arReturnsBoard from './bundles/returns-board/ar.json';
import enReturnsBoard from './bundles/returns-board/en.json';
import frReturnsBoard from './bundles/returns-board/fr.json';
import { LABELS as returnsBoardLabels } from './bundles/returns-board/labels.ts';
import arSupplies from './bundles/supplies/ar.json';
import enSupplies from './bundles/supplies/en.json';
import frSupplies from './bundles/supplies/fr.json';
import { LABELS as suppliesLabels } from './bundles/supplies/labels.ts';
import arSurveillance from './bundles/surveillance/ar.json';
import enSurveillance from './bundles/surveillance/en.json';
import frSurveillance from './bundles/surveillance/fr.json';
import { LABELS as surveillanceLabels } from './bundles/surveillance/labels.ts';
import enShell from './en.json';
import frShell from './fr.json';
import { withLabels } from './shared-labels.ts';

/** The English strings' shape: every top-level subtree, whichever files hold its parts. */
export type AllStrings = typeof enShell &
  typeof enDirectory &
  typeof enHome &
  typeof enAudit &
  typeof enRegistry &
  typeof enProtection &
  typeof enSupplies &
  typeof enAssistance &
  typeof enSurveillance &
  typeof enCounselling &
  typeof enHealth &
  typeof enReturns &
  typeof enEmbassy &
  typeof enMovements &
  typeof enReintegration &
  typeof enReturnsBoard;

const LABELS = {
  ...directoryLabels,
  ...auditLabels,
  ...registryLabels,
  ...protectionLabels,
  ...suppliesLabels,
  ...surveillanceLabels,
  ...counsellingLabels,
  ...healthLabels,
  ...returnsLabels,
  ...embassyLabels,
  ...movementsLabels,
  ...reintegrationLabels,
  ...returnsBoardLabels,
};

const merge = (...trees: object[]): object => {
  const out: Record<string, unknown> = {};
  for (const tree of trees)
    for (const [k, v] of Object.entries(tree)) {
      const prev = out[k];
      out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev as object, v) : v;
    }
  return out;
};

const all = (locale: Locale, ...trees: object[]) => withLabels(merge(...trees), LABELS, locale) as AllStrings;

export const ALL_STRINGS: Record<Locale, AllStrings> = {
  en: all(
    'en',
    enShell,
    enDirectory,
    enHome,
    enAudit,
    enRegistry,
    enProtection,
    enSupplies,
    enAssistance,
    enSurveillance,
    enCounselling,
    enHealth,
    enReturns,
    enEmbassy,
    enMovements,
    enReintegration,
    enReturnsBoard,
  ),
  ar: all(
    'ar',
    arShell,
    arDirectory,
    arHome,
    arAudit,
    arRegistry,
    arProtection,
    arSupplies,
    arAssistance,
    arSurveillance,
    arCounselling,
    arHealth,
    arReturns,
    arEmbassy,
    arMovements,
    arReintegration,
    arReturnsBoard,
  ),
  fr: all(
    'fr',
    frShell,
    frDirectory,
    frHome,
    frAudit,
    frRegistry,
    frProtection,
    frSupplies,
    frAssistance,
    frSurveillance,
    frCounselling,
    frHealth,
    frReturns,
    frEmbassy,
    frMovements,
    frReintegration,
    frReturnsBoard,
  ),
};
