import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { forbidden, notFound } from '../common/domain-error.js';
import { type CaseAction, isTerminal } from '../rules/case-status.js';
import { Agreement } from './agreement.entity.js';
import { Case } from './case.entity.js';
import { eligibleForMediator } from './eligibility.js';

/**
 * Who may see which case, decided here only: the case pages, the case list and the documents of a
 * case all ask. Other courts' cases do not exist for the caller, statisticians see figures and no
 * case, court staff see their court's cases, and a mediator the cases they handle, were named for,
 * or may claim.
 */
@Injectable()
export class CaseAccess {
  /** Finds a case the caller may see, or 404 (never reveal other courts' cases). */
  async findVisible(m: EntityManager, user: AuthUser, id: string): Promise<Case> {
    const c = await m.findOne(Case, { where: { id } });
    if (!c || !this.canSee(user, c)) throw notFound('Case');
    return c;
  }

  canSee(user: AuthUser, c: Case): boolean {
    if (c.courtId !== user.courtId) return false;
    if (user.role === 'statistician') return false;
    if (user.role !== 'mediator') return true;
    return c.assigneeId === user.id || c.delegatedMediatorId === user.id || (c.status === 'delegated' && eligibleForMediator(c, user));
  }

  /**
   * A case whose documents (each PDF, the dossier) the caller may download: 404 as `findVisible`,
   * then 403 for a mediator unless the case is theirs — they are its assignee and it is still open
   * (not terminal), or it ended with an agreement whose performance they follow up (人民调解法
   * Art. 31 ¶2: the 回访 needs the agreement and the follow-up records). Seeing a case in the queue
   * or having been named for it shows the case, not the documents, which carry the parties'
   * personal data.
   */
  async findWithReadableDocuments(m: EntityManager, user: AuthUser, id: string): Promise<Case> {
    const c = await this.findVisible(m, user, id);
    if (user.role !== 'mediator') return c;
    if (c.assigneeId !== user.id)
      throw forbidden(`A mediator downloads a case's documents only while handling it; this case is ${c.status} and not assigned to you`);
    if (isTerminal(c.status) && !(await m.exists(Agreement, { where: { caseId: c.id } })))
      throw forbidden(
        `A mediator downloads a case's documents while handling it, or to follow up an agreement; this case is ${c.status} without an agreement`,
      );
    return c;
  }

  /**
   * Whether the caller may act on the case at all: a case they cannot see answers 404 to an action
   * as to a read, before its status or version is looked at (neither may leak). The one addition:
   * a mediator whose queue held the case may still try to claim it once a colleague has, to learn
   * it is ALREADY_CLAIMED.
   */
  canActOn(user: AuthUser, c: Case, action: CaseAction): boolean {
    if (this.canSee(user, c)) return true;
    return action === 'claim' && c.status === 'in_mediation' && eligibleForMediator(c, user);
  }

  /** `canSee` for a mediator, as a condition on a query over `cases` aliased `c` (the case list). */
  scopeToMediator(qb: SelectQueryBuilder<Case>, user: AuthUser): void {
    qb.andWhere(
      new Brackets((w) =>
        w.where('c.assigneeId = :me', { me: user.id }).orWhere(
          `(c.status = 'delegated' AND (c.queueScope = 'court'
        OR (c.queueScope = 'organization' AND c.delegatedOrganizationId = :org)
        OR (c.queueScope = 'mediator' AND c.delegatedMediatorId = :me)))`,
          { org: user.organizationId },
        ),
      ),
    );
  }
}
