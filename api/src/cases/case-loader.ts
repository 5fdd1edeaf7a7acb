import { In, type EntityManager } from 'typeorm';
import { hydrate } from '../common/hydrate.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { DocumentServiceRecord } from '../documents/document-service.entity.js';
import { User } from '../users/user.entity.js';
import { Agreement, AgreementTerm } from '../case-records/agreement.entity.js';
import { Case } from '../case-records/case.entity.js';
import type { CaseAggregate } from './case-view.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { Obligation } from '../case-records/obligation.entity.js';
import { PartyConsent } from '../case-records/party-consent.entity.js';
import { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import { ConfirmationJoin } from '../case-records/party-participation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { MediationSession } from '../case-records/session.entity.js';
import { Termination } from '../case-records/termination.entity.js';

/** Loads a whole case with a fixed number of queries (no per-row lookups). */
export async function loadAggregate(m: EntityManager, c: Case): Promise<CaseAggregate> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const parties = await m.find(Party, { where: { caseId: c.id }, order: { position: 'ASC' } });
  const sessions = await m.find(MediationSession, { where: { caseId: c.id }, order: { seq: 'ASC' } });
  const agreement = await m.findOne(Agreement, { where: { caseId: c.id } });
  const confirmation = await m.findOne(Confirmation, { where: { caseId: c.id } });
  const termination = await m.findOne(Termination, { where: { caseId: c.id } });
  const documents = await m.find(DocumentRecord, {
    where: { caseId: c.id },
    order: { issuedAt: 'ASC', createdAt: 'ASC' },
    select: { id: true, kind: true, title: true, sha256: true, contentSha256: true, status: true, issuedAt: true },
  });
  const assignee = c.assigneeId ? await m.findOne(User, { where: { id: c.assigneeId }, select: { id: true, displayName: true } }) : null;
  const terms = agreement ? await m.find(AgreementTerm, { where: { agreementId: agreement.id }, order: { position: 'ASC' } }) : [];
  const obligations = agreement ? await m.find(Obligation, { where: { caseId: c.id }, order: { position: 'ASC' } }) : [];
  const consents = await m.find(PartyConsent, { where: { caseId: c.id } });
  const services = await m.find(DocumentServiceRecord, { where: { caseId: c.id }, order: { servedAt: 'ASC' } });
  const signatures = agreement?.signingDocumentId
    ? await m.find(AgreementSignature, { where: { documentId: agreement.signingDocumentId }, order: { at: 'ASC' } })
    : [];
  const joins = agreement ? await m.find(ConfirmationJoin, { where: { caseId: c.id }, order: { joinedAt: 'ASC' } }) : [];
  return {
    case: c,
    parties,
    sessions,
    agreement: agreement ? Object.assign(agreement, { terms }) : null,
    obligations,
    confirmation,
    termination,
    documents,
    assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
    consents,
    services,
    signatures,
    joins,
  };
}

export async function partiesByCase(m: EntityManager, caseIds: string[]): Promise<Map<string, Party[]>> {
  const map = new Map<string, Party[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return map;
  const rows = await m.find(Party, { where: { caseId: In(caseIds) }, order: { position: 'ASC' } });
  for (const p of rows) map.get(p.caseId)!.push(p);
  return map;
}

export async function displayNames(m: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const users = await m.find(User, { where: { id: In(unique) }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/**
 * Select-list items loading a case's parties, sessions and documents as JSON together with the
 * case row (`alias` = cases) — for hot paths that already run a statement on the case and cannot
 * afford `loadAggregate`'s round trips. Read back with `aggregateFromRow`.
 */
export const caseChildrenSql = (alias: string) => `
  (SELECT coalesce(json_agg(p ORDER BY p.position), '[]') FROM parties AS p WHERE p.case_id = ${alias}.id) AS "childParties",
  (SELECT coalesce(json_agg(s ORDER BY s.seq), '[]') FROM mediation_sessions AS s WHERE s.case_id = ${alias}.id) AS "childSessions",
  (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title', d.title, 'sha256', d.sha256,
            'content_sha256', d.content_sha256, 'status', d.status, 'issued_at', d.issued_at) ORDER BY d.issued_at, d.created_at), '[]')
     FROM documents AS d WHERE d.case_id = ${alias}.id) AS "childDocuments",
  (SELECT coalesce(json_agg(k), '[]') FROM party_consents AS k WHERE k.case_id = ${alias}.id) AS "childConsents",
  (SELECT coalesce(json_agg(v ORDER BY v.served_at), '[]') FROM document_services AS v WHERE v.case_id = ${alias}.id) AS "childServices"`;

/**
 * The aggregate of a case that is in mediation straight from the queue, from a row carrying
 * `caseChildrenSql`: it has no agreement, confirmation or termination yet (the state machine
 * reaches those only after mediation), so nothing else is to load.
 */
export function aggregateFromRow(
  m: EntityManager,
  c: Case,
  row: Record<string, unknown>,
  assignee: { id: string; displayName: string },
): CaseAggregate {
  const many = <T extends object>(target: new () => T, key: string) =>
    (row[key] as Record<string, unknown>[]).map((r) => hydrate(m, target, r));
  return {
    case: c,
    parties: many(Party, 'childParties'),
    sessions: many(MediationSession, 'childSessions'),
    agreement: null,
    obligations: [],
    confirmation: null,
    termination: null,
    documents: many(DocumentRecord, 'childDocuments'),
    assignee,
    consents: many(PartyConsent, 'childConsents'),
    services: many(DocumentServiceRecord, 'childServices'),
  };
}

export async function confirmationsByCase(m: EntityManager, caseIds: string[]): Promise<Map<string, Confirmation>> {
  if (caseIds.length === 0) return new Map();
  const rows = await m.find(Confirmation, { where: { caseId: In(caseIds) } });
  return new Map(rows.map((r) => [r.caseId, r]));
}
