import { countryName } from '../../../domain/common/countries';
import { labelOf } from '../../../domain/common/labels';
import type { Locale } from '../../../domain/common/schemas';
import { SEX_LABELS } from '../../../domain/registry/labels';
import { TRAVEL_DOCUMENT_LABELS } from '../../../domain/returns/labels';
import {
  ESCORT_KIND_LABELS,
  MANIFEST_LABELS,
  MOVEMENT_KIND_LABELS,
} from '../../../domain/returns/movement-labels';
import { toXlsx } from '../../platform/export';
import type { Work } from '../../platform/http';
import { validConsent } from '../protection/consents.queries';
import { type Packet, renderPacketPdf } from '../protection/packet.service';
import { personName } from './movements.presenter';
import { escortsOf, type MovementRow, passengersOf, travelDocumentsOf } from './movements.queries';

// The movement's manifest: for each passenger on board (booked or departed) what the carrier and
// the authorities check at the gate — name, sex, date of birth, nationality, travel document —
// and whether a medical escort travels with them; then the escorts. Spreadsheet through the
// platform's XLSX writer; PDF through protection's packet renderer (shaped Arabic, RTL pages).
// Nobody's name leaves without a standing consent to return (DESIGN §6): a passenger whose
// consent was withdrawn after booking is left off (and counted in the export's audit event).

type L = keyof typeof MANIFEST_LABELS;
const COLUMNS: L[] = [
  'name',
  'sex',
  'birthDate',
  'nationality',
  'documentType',
  'documentNumber',
  'needsMedicalEscort',
];

export type Manifest = {
  m: MovementRow;
  rows: string[][];
  escorts: { kind: string; name: string }[];
  /** passengers on board left off for want of a standing consent */
  withheld: number;
};

/** The manifest's rows in the reader's language: only the passengers the reader sees, on board. */
export async function buildManifest(w: Work, m: MovementRow, lang: Locale): Promise<Manifest> {
  const t = (k: L) => MANIFEST_LABELS[k][lang];
  const onBoard = (await passengersOf(w, m)).filter((p) => p.status === 'booked' || p.status === 'departed');
  const aboard = [];
  for (const p of onBoard)
    if (p.embassyOrganisationId && (await validConsent(w, p.personId, 'return', p.embassyOrganisationId)))
      aboard.push(p);
  const docs = await travelDocumentsOf(
    w,
    aboard.map((p) => p.caseId),
  );
  const rows = aboard.map((p) => {
    const doc = docs.get(p.caseId);
    const name = p.fullNameOriginal ? `${personName(p)} (${p.fullNameOriginal})` : personName(p);
    return [
      name,
      labelOf(SEX_LABELS, p.sex, lang),
      p.birthDate ?? '',
      p.nationality ? countryName(p.nationality, lang) : '',
      doc ? labelOf(TRAVEL_DOCUMENT_LABELS, doc.type, lang) : '',
      doc?.number ?? '',
      p.needsMedicalEscort ? t('yes') : t('no'),
    ];
  });
  const escorts = (await escortsOf(w, m.id)).map((e) => ({
    kind: labelOf(ESCORT_KIND_LABELS, e.kind, lang),
    name: e.name,
  }));
  return { m, rows, escorts, withheld: onBoard.length - aboard.length };
}

export const manifestXlsx = (x: Manifest, lang: Locale) =>
  toXlsx(
    x.m.reference,
    COLUMNS.map((k) => MANIFEST_LABELS[k][lang]),
    [...x.rows, [], ...x.escorts.map((e) => [e.name, e.kind])],
    lang === 'ar',
  );

export function manifestPdf(x: Manifest, lang: Locale, organisation: string, day: string): Promise<Buffer> {
  const t = (k: L) => MANIFEST_LABELS[k][lang];
  const { m } = x;
  const packet: Packet = {
    locale: lang,
    title: `${t('title')} — ${m.reference}`,
    generatedAt: day,
    reference: m.reference,
    sender: { organisation },
    recipient: { organisation: m.carrier },
    sections: [
      {
        title: t('movement'),
        fields: [
          { key: 'kind', label: t('kind'), value: labelOf(MOVEMENT_KIND_LABELS, m.kind, lang) },
          { key: 'departsOn', label: t('departsOn'), value: m.departsOn },
          { key: 'route', label: t('route'), value: m.route },
          { key: 'carrier', label: t('carrier'), value: m.carrier },
          { key: 'flightNumber', label: t('flightNumber'), value: m.flightNumber },
          { key: 'seats', label: t('passengers'), value: `${x.rows.length} / ${m.seats}` },
        ],
      },
      ...x.rows.map((r, i) => ({
        title: `${i + 1}. ${r[0]}`,
        fields: COLUMNS.slice(1).map((k, j) => ({ key: k, label: t(k), value: r[j + 1] || null })),
      })),
      {
        title: t('escorts'),
        fields: x.escorts.map((e, i) => ({ key: `escort${i}`, label: e.kind, value: e.name })),
      },
    ],
    footer: t('footer'),
  };
  return renderPacketPdf(packet);
}
