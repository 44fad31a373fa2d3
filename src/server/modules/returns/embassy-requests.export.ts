import { countryName } from '../../../domain/common/countries';
import type { Locale } from '../../../domain/common/schemas';
import { EMBASSY_EXPORT_TEXT as T } from '../../../domain/returns/embassy-labels';
import { toXlsx } from '../../platform/export';
import type { Work } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { type Packet, renderPacketPdf } from '../protection/packet.service';
import { embassyRequestPolicy } from './embassy-requests.policy';
import {
  consenting,
  embassyRequestRecord,
  listedOn,
  loadEmbassy,
  loadEmbassyRequest,
  organisationName,
  requestFields,
  sharedRows,
} from './embassy-requests.queries';

// The list as the embassy receives it, in its language: one row (XLSX) or one section (PDF, the
// referral packet's renderer with shaped Arabic) per person whose consent holds, with exactly the
// fields of the embassy's data-sharing profile. Every export is a share, audited with whom.

export async function exportEmbassyRequest(w: Work, id: string, format: 'xlsx' | 'pdf') {
  const r = await loadEmbassyRequest(w, id);
  const embassy = await loadEmbassy(w, r.embassyOrganisationId);
  // only those whose consent holds today: a withdrawal, before or after sending, stops the data
  const stillConsenting = await consenting(w, r.embassyOrganisationId, await listedOn(w, r.id));
  const sender = await organisationName(w, w.actor.organisationId);
  authorize(w.actor, embassyRequestPolicy, 'export', await embassyRequestRecord(w, r, stillConsenting));
  const lang = r.language as Locale;
  const fields = await requestFields(w, r);
  const rows = await sharedRows(w, fields, lang, stillConsenting);
  const title = `${T.title[lang]} — ${countryName(r.nationality, lang)}`;
  let body: Buffer;
  if (format === 'xlsx') {
    const header = [T.number[lang], T.caseReference[lang], ...(rows[0] ?? []).map((f) => f.label)];
    const cells = rows.map((fs, i) => [
      String(i + 1),
      stillConsenting[i]!.case.reference,
      ...fs.map((f) => f.value),
    ]);
    body = await toXlsx(T.sheet[lang], header, cells, lang === 'ar');
  } else {
    const packet: Packet = {
      locale: lang,
      title,
      generatedAt: w.now.toISOString().slice(0, 16).replace('T', ' '),
      reference: r.reference,
      sender: { organisation: sender },
      recipient: {
        organisation: embassy.name,
        ...(embassy.nameAr ? { organisationAr: embassy.nameAr } : {}),
      },
      sections: rows.map((fs, i) => ({
        title: `${T.person[lang]} ${i + 1} · ${stillConsenting[i]!.case.reference}`,
        fields: fs,
      })),
      footer: T.footer[lang],
    };
    body = await renderPacketPdf(packet);
  }
  await w.audit({
    action: 'share',
    entityType: 'embassy_request',
    entityId: r.id,
    changedFields: fields,
    detail: {
      export: true,
      format,
      recipientOrganisationId: r.embassyOrganisationId,
      caseIds: stillConsenting.map((x) => x.case.id),
      personIds: stillConsenting.map((x) => x.person.id),
      rows: stillConsenting.length,
    },
  });
  return { body, name: `${r.reference}.${format}` };
}
