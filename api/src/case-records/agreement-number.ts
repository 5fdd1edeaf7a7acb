import type { EntityManager } from 'typeorm';
import { Court } from '../courts/court.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { committeePrefix, derivedPrefix, formatCommitteeNumber } from '../rules/committee-number.js';
import { User } from '../users/user.entity.js';
import type { Case } from './case.entity.js';

/**
 * The committee that mediates a case: the one it was delegated to, else the organization of the
 * mediator who holds it (a delegation to a named mediator or the shared queue), else none — the
 * court's own 诉调对接中心. Documents print it and agreements are numbered in its series.
 */
export async function mediatingOrganization(m: EntityManager, c: Case): Promise<Organization | null> {
  let id = c.delegatedOrganizationId;
  const mediatorId = c.assigneeId ?? c.delegatedMediatorId;
  if (!id && mediatorId) {
    const mediator = await m.findOne(User, { where: { id: mediatorId }, select: { id: true, organizationId: true } });
    id = mediator?.organizationId ?? null;
  }
  return id ? m.findOneBy(Organization, { id, courtId: c.courtId }) : null;
}

export interface AgreementNumber {
  number: string;
  numberScopeId: string;
  numberYear: number;
  numberSeq: number;
}

/**
 * The next number of the mediating committee's yearly series, inside the caller's transaction: the
 * upsert's row lock orders parallel agreements of one committee, and a rolled-back agreement gives
 * its number back (gapless).
 */
export async function allocateAgreementNumber(m: EntityManager, c: Case, at: Date): Promise<AgreementNumber> {
  const org = await mediatingOrganization(m, c);
  const scopeId = org?.id ?? c.courtId;
  const year = Number(chinaDateOf(at).slice(0, 4));
  const [row] = (await m.query(
    `INSERT INTO agreement_number_sequences (scope_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (scope_id, year) DO UPDATE SET last_seq = agreement_number_sequences.last_seq + 1
     RETURNING last_seq`,
    [scopeId, year],
  )) as { last_seq: number }[];
  const prefix = org ? committeePrefix(org.docPrefix, org.name) : derivedPrefix((await m.findOneByOrFail(Court, { id: c.courtId })).name);
  return { number: formatCommitteeNumber(prefix, year, row!.last_seq), numberScopeId: scopeId, numberYear: year, numberSeq: row!.last_seq };
}
