import { In, type EntityManager } from 'typeorm';
import { DocumentRecord } from '../documents/document.entity.js';
import { User } from '../users/user.entity.js';
import { Agreement, AgreementTerm } from './agreement.entity.js';
import { Case } from './case.entity.js';
import type { CaseAggregate } from './case-view.js';
import { Confirmation } from './confirmation.entity.js';
import { Party } from './party.entity.js';
import { MediationSession } from './session.entity.js';
import { Termination } from './termination.entity.js';

/** Loads a whole case with a fixed number of queries (no per-row lookups). */
export async function loadAggregate(m: EntityManager, c: Case): Promise<CaseAggregate> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const parties = await m.find(Party, { where: { caseId: c.id }, order: { position: 'ASC' } });
  const sessions = await m.find(MediationSession, { where: { caseId: c.id }, order: { seq: 'ASC' } });
  const agreement = await m.findOne(Agreement, { where: { caseId: c.id } });
  const confirmation = await m.findOne(Confirmation, { where: { caseId: c.id } });
  const termination = await m.findOne(Termination, { where: { caseId: c.id } });
  const documents = await m.find(DocumentRecord, {
    where: { caseId: c.id }, order: { issuedAt: 'ASC', createdAt: 'ASC' },
    select: { id: true, kind: true, title: true, sha256: true, contentSha256: true, status: true, issuedAt: true },
  });
  const assignee = c.assigneeId ? await m.findOne(User, { where: { id: c.assigneeId }, select: { id: true, displayName: true } }) : null;
  const terms = agreement ? await m.find(AgreementTerm, { where: { agreementId: agreement.id }, order: { position: 'ASC' } }) : [];
  return {
    case: c, parties, sessions, agreement: agreement ? Object.assign(agreement, { terms }) : null,
    confirmation, termination, documents, assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
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
