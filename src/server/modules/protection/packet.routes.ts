import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import type { ReferralService, ShareableField } from '../../../domain/protection/records';
import { PACKET_TEXT, SERVICE_LABELS, URGENCY_LABELS } from '../../../domain/protection/sharing';
import { organisations, persons } from '../../db/schema/index';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { renderPacketPdf } from './packet/pdf';
import type { Packet, PacketField, PacketLocale } from './packet/types';
import { renderPacketXlsx } from './packet/xlsx';
import { referralPolicy } from './protection.policy';
import { checkReferralRecipient } from './recipients.service';
import { loadReferral } from './referrals.queries';
import { checkConsent, referralRecord } from './referrals.service';
import { sharedField, sharedPersonValues } from './shared-fields.queries';
import { profileOf } from './sharing.queries';

type Referral = Awaited<ReturnType<typeof loadReferral>>;

/**
 * The packet holds exactly the fields of the recipient's data-sharing profile, in the order of
 * the profile vocabulary; nothing else about the person leaves (DESIGN §6).
 */
export async function buildPacket(
  w: Work,
  r: Referral,
  locale: PacketLocale,
): Promise<{ packet: Packet; fields: ShareableField[] }> {
  const { fields } = await profileOf(w, r.recipientOrganisationId);
  const allowed = new Set(fields);
  const [p] = await w.tx
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, r.missionId), eq(persons.id, r.personId)));
  const [recipient] = await w.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.missionId, r.missionId), eq(organisations.id, r.recipientOrganisationId)));
  const [sender] = await w.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.missionId, r.missionId), eq(organisations.id, r.createdByOrganisationId)));
  if (!p || !recipient) throw new Error('referral without person or recipient');
  const value = {
    ...(await sharedPersonValues(w, p, allowed, locale)),
    referralReason: w.ctx.cipher.decrypt(r.reason),
  };
  const field = (key: ShareableField): PacketField => sharedField(key, value, locale);
  const personFields = fields.filter((f) => f !== 'referralReason').map(field);
  const referralFields: PacketField[] = [
    {
      key: 'service',
      label: PACKET_TEXT.service[locale],
      value: SERVICE_LABELS[r.service]?.[locale] ?? r.service,
    },
    {
      key: 'urgency',
      label: PACKET_TEXT.urgency[locale],
      value: URGENCY_LABELS[r.urgency]?.[locale] ?? r.urgency,
    },
    ...(allowed.has('referralReason') ? [field('referralReason')] : []),
  ];
  return {
    fields,
    packet: {
      locale,
      title: PACKET_TEXT.title[locale],
      generatedAt: w.now.toISOString().slice(0, 16).replace('T', ' '),
      reference: r.reference,
      sender: { organisation: sender?.name ?? '' },
      recipient: {
        organisation: recipient.name,
        ...(recipient.nameAr ? { organisationAr: recipient.nameAr } : {}),
      },
      sections: [
        { title: PACKET_TEXT.person[locale], fields: personFields },
        { title: PACKET_TEXT.referral[locale], fields: referralFields },
      ],
      footer: PACKET_TEXT.footer[locale],
    },
  };
}

const query = z.strictObject({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  locale: z.enum(['en', 'ar', 'fr']).default('en'),
});

export const packetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/referrals/:id/packet',
    {
      schema: {
        tags: ['protection'],
        description:
          'The referral packet for the recipient: only its data-sharing profile’s fields, only with consent (or a recorded override).',
        params: z.strictObject({ id: uuid }),
        querystring: query,
        response: { 200: z.unknown().describe('The packet file (PDF or XLSX)'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format, locale } = req.query;
      const out = await read(req, async (w) => {
        const r = await loadReferral(w, req.params.id);
        authorize(w.actor, referralPolicy, 'packet', await referralRecord(w, r));
        // the recipient must still be one that may receive it (profile, service, embassy gate)
        await checkReferralRecipient(
          w,
          await loadPerson(w, r.personId),
          r.recipientOrganisationId,
          r.service as ReferralService,
        );
        // the latest decision counts: a refusal after an override stops the packet too
        const consent = await checkConsent(w, r, { recorded: !!r.consentOverrideReason });
        const { packet, fields } = await buildPacket(w, r, locale);
        const body = format === 'pdf' ? await renderPacketPdf(packet) : await renderPacketXlsx(packet);
        await w.audit({
          action: 'share',
          entityType: 'referral',
          entityId: r.id,
          changedFields: fields,
          detail: {
            personId: r.personId,
            recipientOrganisationId: r.recipientOrganisationId,
            format,
            consentId: consent.consentId,
            override: consent.override !== 'none',
          },
        });
        return { body, name: `${r.reference}.${format}` };
      });
      const type =
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${out.name}"`)
        .header('cache-control', 'no-store')
        .send(out.body);
    },
  );
};
