import { maskIdNumber } from '../rules/id-number.js';
import { formatMoney } from '../rules/money.js';
import { isOverdue } from '../rules/clocks.js';
import { regimeWarning } from '../rules/regime.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import type { DocumentServiceRecord } from '../documents/document-service.entity.js';
import type { Agreement, AgreementTerm } from '../case-records/agreement.entity.js';
import type { Case } from '../case-records/case.entity.js';
import type { Confirmation } from '../case-records/confirmation.entity.js';
import type { Obligation } from '../case-records/obligation.entity.js';
import type { Party } from '../case-records/party.entity.js';
import type { PartyConsent } from '../case-records/party-consent.entity.js';
import type { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import type { ConfirmationJoin } from '../case-records/party-participation.entity.js';
import { outstandingFen } from '../rules/obligations.js';
import type { MediationSession } from '../case-records/session.entity.js';
import type { Termination } from '../case-records/termination.entity.js';

/** Everything that makes up one case as the contract shows it. */
export interface CaseAggregate {
  case: Case;
  parties: Party[];
  sessions: MediationSession[];
  agreement: (Agreement & { terms: AgreementTerm[] }) | null;
  /** The agreement's terms as obligations to perform (absent for aggregates built without them). */
  obligations?: Obligation[];
  confirmation: Confirmation | null;
  termination: Termination | null;
  documents: Pick<DocumentRecord, 'id' | 'kind' | 'title' | 'sha256' | 'contentSha256' | 'status' | 'issuedAt'>[];
  assignee: { id: string; displayName: string } | null;
  /** Each party's own consent to mediation and electronic service (absent for aggregates built without them). */
  consents?: PartyConsent[];
  /** Electronic service of each document on each party (absent for aggregates built without them). */
  services?: DocumentServiceRecord[];
  /** Answers to the agreement PDF issued for online signature (absent for aggregates built without them). */
  signatures?: AgreementSignature[];
  /** Parties who joined the application for judicial confirmation online. */
  joins?: ConfirmationJoin[];
}

/**
 * Each party's signature of the agreement (issue 16): online and attested paper signatures of the PDF
 * issued for signature; an agreement recorded on paper as before is signed by every party at `signedAt`.
 */
export function signaturesView(a: CaseAggregate) {
  const agreement = a.agreement;
  if (!agreement) return [];
  if (agreement.signatureMethod === 'paper') {
    const doc = [...a.documents].reverse().find((d) => d.kind === 'agreement');
    return a.parties.map((p) => ({
      partyId: p.id,
      method: 'paper' as const,
      signedAt: agreement.signedAt?.toISOString() ?? null,
      documentSha256: doc?.sha256 ?? null,
    }));
  }
  return (a.signatures ?? [])
    .filter((s) => s.outcome === 'signed')
    .map((s) => ({ partyId: s.partyId, method: s.method, signedAt: s.at.toISOString(), documentSha256: s.documentSha256 }));
}

export const partyView = (p: Party) => ({
  id: p.id,
  role: p.role,
  kind: p.kind,
  name: p.name,
  idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
  creditCode: p.creditCode,
  representative: p.representative,
  phone: p.phone,
  address: p.address,
});

export const deadlinesOf = (c: Case) => ({
  acceptBy: c.acceptBy,
  mediationEndsOn: c.mediationEndsOn,
  confirmationApplyBy: c.confirmationApplyBy,
  decisionDueOn: c.decisionDueOn,
});

export const overdueOf = (c: Case, today: string) =>
  isOverdue({ status: c.status, acceptBy: c.acceptBy, mediationEndsOn: c.mediationEndsOn }, today);

export const delegationOf = (c: Case) =>
  c.delegatedAt
    ? {
        organizationId: c.delegatedOrganizationId,
        mediatorId: c.delegatedMediatorId,
        scope: c.queueScope,
        delegatedAt: c.delegatedAt.toISOString(),
        note: c.delegationNote,
      }
    : null;

export function caseSummaryView(
  c: Case,
  parties: Party[],
  assignee: { id: string; displayName: string } | null,
  today: string,
  confirmation: Pick<Confirmation, 'caseNumber' | 'appliedOn' | 'result'> | null = null,
) {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    track: c.track,
    /** Set on a pre_litigation case received under the 2025 regime (rules/regime.ts); every screen shows it. */
    regimeWarning: regimeWarning(c.track, c.receivedOn),
    procedure: c.procedure,
    status: c.status,
    disputeType: c.disputeType,
    claimAmount: formatMoney(c.claimAmountFen),
    summary: c.summary,
    claims: c.claims,
    receivedOn: c.receivedOn,
    parties: parties.map(partyView),
    delegation: delegationOf(c),
    assignee,
    deadlines: deadlinesOf(c),
    deadlinesProvisional: c.clocksProvisional,
    overdue: overdueOf(c, today),
    version: c.version,
    confirmation: confirmation && { caseNumber: confirmation.caseNumber, appliedOn: confirmation.appliedOn, result: confirmation.result },
  };
}

/** One obligation as the case view and the follow-up desk show it (money as 2-decimal strings). */
export function obligationView(o: Obligation, parties: Pick<Party, 'id' | 'name' | 'phone'>[]) {
  const party = (id: string) => {
    const p = parties.find((x) => x.id === id);
    return { id, name: p?.name ?? null, phone: p?.phone ?? null };
  };
  return {
    id: o.id,
    position: o.position,
    obligor: party(o.obligorPartyId),
    obligee: party(o.obligeePartyId),
    amount: formatMoney(o.amountFen),
    dueOn: o.dueOn,
    method: o.method,
    status: o.status,
    paidAmount: formatMoney(o.paidFen),
    outstanding: formatMoney(outstandingFen(o)),
    paidOn: o.paidOn,
    evidenceNote: o.evidenceNote,
    version: o.version,
  };
}

export function caseView(a: CaseAggregate, today: string) {
  const c = a.case;
  return {
    ...caseSummaryView(c, a.parties, a.assignee, today, a.confirmation),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    extensions: c.extensions,
    sessions: a.sessions.map((s) => ({
      id: s.id,
      seq: s.seq,
      heldAt: s.heldAt.toISOString(),
      mode: s.mode,
      location: s.location,
      attendees: s.attendees,
      minutes: s.minutes,
      undisputedFacts: s.undisputedFacts,
      disclosure: s.disclosure,
      recusalRequested: s.recusalRequested,
      result: s.result,
      agents: s.agents,
    })),
    agreement: a.agreement && {
      content: a.agreement.content,
      terms: a.agreement.terms.map((t) => ({
        id: t.id,
        obligorPartyId: t.obligorPartyId,
        obligeePartyId: t.obligeePartyId,
        amount: formatMoney(t.amountFen),
        dueOn: t.dueOn,
        method: t.method,
      })),
      performancePlace: a.agreement.performancePlace,
      number: a.agreement.number,
      signedAt: a.agreement.signedAt?.toISOString() ?? null,
      effectiveOn: a.agreement.effectiveOn,
      signatureMethod: a.agreement.signatureMethod,
      awaitingSignatures: a.agreement.signatureMethod === 'online' && !a.agreement.signedAt,
      signingDocumentId: a.agreement.signingDocumentId,
      signatures: signaturesView(a),
      refusals: (a.signatures ?? [])
        .filter((s) => s.outcome === 'refused')
        .map((s) => ({ partyId: s.partyId, reason: s.reason ?? '', refusedAt: s.at.toISOString() })),
    },
    confirmationJoins: (a.joins ?? []).map((j) => ({ partyId: j.partyId, joinedAt: j.joinedAt.toISOString() })),
    obligations: (a.obligations ?? []).map((o) => obligationView(o, a.parties)),
    termination: a.termination && {
      reason: a.termination.reason,
      details: a.termination.details,
      undisputedFacts: a.termination.undisputedFacts,
      at: a.termination.createdAt.toISOString(),
    },
    confirmation: a.confirmation && {
      caseNumber: a.confirmation.caseNumber,
      appliedOn: a.confirmation.appliedOn,
      result: a.confirmation.result,
      grounds: a.confirmation.grounds,
      reasoning: a.confirmation.reasoning,
      decidedAt: a.confirmation.decidedAt?.toISOString() ?? null,
    },
    documents: a.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      sha256: d.sha256,
      status: d.status,
      createdAt: d.issuedAt.toISOString(),
      services: (a.services ?? [])
        .filter((v) => v.documentId === d.id)
        .map((v) => ({
          partyId: v.partyId,
          method: v.method,
          servedAt: v.servedAt.toISOString(),
          readAt: v.readAt?.toISOString() ?? null,
        })),
    })),
    /** One row per party: whether (and how) they consented themselves through the party side. */
    partyConsents: a.parties.map((p) => {
      const k = (a.consents ?? []).find((x) => x.partyId === p.id);
      return {
        partyId: p.id,
        consented: !!k,
        mediation: k?.mediation ?? null,
        electronicService: k?.electronicService ?? null,
        serviceAddress: k?.serviceAddress ?? null,
        consentedAt: k?.consentedAt.toISOString() ?? null,
      };
    }),
  };
}

export type CaseView = ReturnType<typeof caseView>;
