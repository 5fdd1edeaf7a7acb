/** View models of the parties' own documents (issue 16), from the case inside the issuing transaction. */
import type { EntityManager } from 'typeorm';
import type { Agreement } from '../case-records/agreement.entity.js';
import { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import { PartyConsent } from '../case-records/party-consent.entity.js';
import type { Party } from '../case-records/party.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import type { AgreementSignatureLine, ServiceAddressConfirmationView } from './pdf/party-view-models.js';
import type { CaseBasics, Party as PartyVm } from './pdf/view-models.js';

/** Whom a document of one party is about (the 送达地址确认书 of the party who consented). */
export interface IssueSubject {
  partyId: string;
  /** Where parties read what is served (PUBLIC_URL/party). */
  serviceUrl: string;
}

export interface PartyDocumentContext {
  parties: Party[];
  basics: CaseBasics;
}

/** The 送达地址确认书 of `subject.partyId`, as their consent now stands. */
export async function buildServiceAddressConfirmation(
  m: EntityManager,
  ctx: PartyDocumentContext,
  subject: IssueSubject | undefined,
): Promise<ServiceAddressConfirmationView> {
  if (!subject) throw new Error('service_address_confirmation needs the party it confirms');
  const index = ctx.parties.findIndex((p) => p.id === subject.partyId);
  const party = ctx.parties[index];
  const consent = await m.findOne(PartyConsent, { where: { partyId: subject.partyId } });
  if (!party || !consent) throw new Error('service_address_confirmation: no consent of that party');
  const recipient: PartyVm = ctx.basics.parties[index]!;
  return {
    ...ctx.basics,
    recipient,
    mediation: consent.mediation,
    electronicService: consent.electronicService,
    phone: party.phone,
    serviceAddress: consent.serviceAddress ?? party.address,
    serviceUrl: subject.serviceUrl,
    confirmedAt: consent.consentedAt.toISOString(),
    confirmedOn: chinaDateOf(consent.consentedAt),
  };
}

/** Each party's signature of the document issued for signature, in the parties' order (the signed version). */
export async function agreementSignatureLines(m: EntityManager, a: Agreement, parties: Party[]): Promise<AgreementSignatureLine[]> {
  if (!a.signingDocumentId) return [];
  const rows = await m.find(AgreementSignature, { where: { documentId: a.signingDocumentId, outcome: 'signed' } });
  const byParty = new Map(rows.map((r) => [r.partyId, r]));
  return [...parties]
    .sort((x, y) => x.position - y.position)
    .flatMap((p) => {
      const s = byParty.get(p.id);
      if (!s) return [];
      return [
        {
          role: p.role,
          kind: p.kind,
          name: p.name,
          method: s.method,
          signedAt: s.at.toISOString(),
          shortHash: s.method === 'online' ? s.documentSha256.slice(0, 16) : null,
        },
      ];
    });
}
