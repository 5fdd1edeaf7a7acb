import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import { Case } from '../case-records/case.entity.js';
import type { BulkContext } from '../common/bulk-context.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { ElectronicService } from '../documents/electronic-service.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type CaseAction, nextStatus, type TransitionDetail } from '../rules/case-status.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import type { DocumentKind } from '../rules/document-kinds.js';
import { refreshCaseStats } from '../stats/rollups.js';
import { type CaseClocks, clocksOfCase, loadClockFacts } from './case-clocks.js';
import { publishQueueEvent, type QueueEventType } from './case-events.js';
import { loadAggregate } from './case-loader.js';
import { caseView, type CaseView } from './case-view.js';

/** What one action does inside its transaction, after the common checks. */
export interface Step {
  changes?: Partial<Case>;
  event: { type: string; data?: Record<string, unknown> };
  document?: DocumentKind;
  queueEvent?: QueueEventType;
  /** Detail learnt while applying (under the case lock) that picks the action's branch, e.g. the last signature. */
  detail?: TransitionDetail;
  /** Runs after the document is issued, in the same transaction (the agreement remembers the PDF issued for signature). */
  afterDocument?: (m: EntityManager, doc: DocumentRecord) => Promise<void>;
}

/** A party acting on their own case (issue 16): signing or refusing the agreement. Audited with no user actor. */
export interface PartyActor {
  kind: 'party';
  partyId: string;
  caseId: string;
}

const isParty = (actor: AuthUser | PartyActor): actor is PartyActor => (actor as PartyActor).kind === 'party';

/** The part of an action that differs from the others: checks and writes of its own, and what it records. */
export type ApplyStep = (m: EntityManager, c: Case, now: Date) => Promise<Step>;

/** Carries a preview's PDF out of the transaction it rolls back. */
class PreviewRollback extends Error {
  constructor(readonly pdf: Buffer | null) {
    super('preview');
  }
}

/** The columns an action may change (the rest of the row is the registration's). */
function columnsOf(c: Case): Partial<Case> {
  const {
    status,
    queueScope,
    delegatedOrganizationId,
    delegatedMediatorId,
    delegatedAt,
    delegationNote,
    assigneeId,
    acceptedAt,
    extensions,
    mediationEndedAt,
    acceptBy,
    mediationEndsOn,
    confirmationApplyBy,
    decisionDueOn,
    clocksProvisional,
  } = c;
  return {
    status,
    queueScope,
    delegatedOrganizationId,
    delegatedMediatorId,
    delegatedAt,
    delegationNote,
    assigneeId,
    acceptedAt,
    extensions,
    mediationEndedAt,
    acceptBy,
    mediationEndsOn,
    confirmationApplyBy,
    decisionDueOn,
    clocksProvisional,
  };
}

/**
 * Runs one case action as one transaction (CaseActionsService supplies the steps): lock the case
 * row, check version, state and actor, apply, then bump the version with `UPDATE … WHERE version
 * = $n` (row count checked), append the audit event, issue the document, notify open queues and
 * bring the statistics up to date — all commit together or not at all.
 */
@Injectable()
export class CaseTransitions {
  private readonly previewing = new AsyncLocalStorage<boolean>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly service: ElectronicService,
    private readonly clock: Clock,
    private readonly access: CaseAccess,
  ) {}

  /**
   * The document an action would issue, rendered from the case as the action would leave it —
   * validated exactly like the real action — without saving anything (agreement and ruling previews).
   */
  async preview(run: () => Promise<CaseView>): Promise<Buffer> {
    try {
      await this.previewing.run(true, run);
    } catch (e) {
      if (e instanceof PreviewRollback && e.pdf) return e.pdf;
      throw e;
    }
    throw new Error('preview did not render a document');
  }

  async run(
    user: AuthUser | PartyActor,
    caseId: string,
    action: CaseAction,
    version: number | undefined,
    detail: TransitionDetail,
    apply: ApplyStep,
    bulk: BulkContext = {},
  ): Promise<CaseView> {
    return this.dataSource.transaction((m) => this.runWithin(m, user, caseId, action, version, detail, apply, bulk));
  }

  /**
   * `run` inside a transaction the caller already holds, so that the action commits (or not) with
   * the caller's own writes — an administrator's roster change that returns the mediator's cases.
   */
  async runWithin(
    m: EntityManager,
    user: AuthUser | PartyActor,
    caseId: string,
    action: CaseAction,
    version: number | undefined,
    detail: TransitionDetail,
    apply: ApplyStep,
    bulk: BulkContext = {},
  ): Promise<CaseView> {
    const preview = this.previewing.getStore() === true;
    const c = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    // Visibility first (CaseAccess): a case the caller cannot see is 404, as for a read, whatever its
    // status or version. Who among those who see it may act is checked per action (403) after the state (409).
    const visible = c && (isParty(user) ? user.caseId === c.id : this.access.canActOn(user, c, action));
    if (!c || !visible) throw notFound('Case');
    if (version !== undefined && version !== c.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `The case changed since you read it (version ${c.version}, you sent ${version}); reload and retry`,
        undefined,
        { currentVersion: c.version },
      );
    }
    let next = nextStatus(c.status, action, detail);
    if (next === null) {
      if (action === 'claim' && c.status === 'in_mediation') {
        throw new DomainError('ALREADY_CLAIMED', 'Another mediator has already claimed this case');
      }
      throw new DomainError('ILLEGAL_TRANSITION', `Cannot ${action.replace(/_/g, ' ')} a case that is ${c.status}`, undefined, {
        status: c.status,
      });
    }
    const from = c.status;
    const queuedIn = { scope: c.queueScope, organizationId: c.delegatedOrganizationId, mediatorId: c.delegatedMediatorId };
    const now = this.clock.now();
    const step = await apply(m, c, now);
    if (step.detail) next = nextStatus(c.status, action, { ...detail, ...step.detail }) ?? next;
    const updated: Case = Object.assign(c, step.changes ?? {}, { status: next });
    Object.assign(updated, await this.clocksOf(m, updated));
    const result = await m
      .createQueryBuilder()
      .update(Case)
      .set({ ...columnsOf(updated), version: () => 'version + 1', updatedAt: now })
      .where('id = :id AND version = :version', { id: c.id, version: c.version })
      .execute();
    if (result.affected !== 1) throw new DomainError('VERSION_CONFLICT', 'The case changed concurrently; reload and retry');
    updated.version += 1;
    await this.audit.append(m, {
      caseId: c.id,
      type: step.event.type,
      at: now,
      actor: isParty(user) ? null : user,
      data: {
        from,
        to: next,
        version: updated.version,
        ...(isParty(user) ? { partyId: user.partyId } : {}),
        ...(step.event.data ?? {}),
      },
    });
    if (preview) {
      // A preview runs the whole action, renders its document, then rolls everything back.
      const doc = step.document ? await this.documents.issue(m, step.document, updated, now, { deferRender: false }) : null;
      if (isParty(user)) throw new Error('a party never previews');
      throw new PreviewRollback(doc ? await this.documents.copyFor(user, doc) : null); // a mediator's copy: ID numbers masked
    }
    if (step.document) {
      const doc = await this.documents.issue(m, step.document, updated, now, { deferRender: bulk.deferRendering });
      await step.afterDocument?.(m, doc);
      await this.service.serveCase(m, c.id, now); // 电子送达 to each consenting party
    }
    if (step.queueEvent) {
      // The queue concerned: the one the case enters (delegated, released) or leaves (claimed, declined, withdrawn).
      const queue =
        next === 'delegated'
          ? { scope: updated.queueScope, organizationId: updated.delegatedOrganizationId, mediatorId: updated.delegatedMediatorId }
          : queuedIn;
      await publishQueueEvent(m, { type: step.queueEvent, caseId: c.id, courtId: c.courtId, ...queue, at: now.toISOString() });
    }
    await refreshCaseStats(m, updated); // statistics rollups, last: their hot rows are then held only until commit
    if (bulk.skipResponseView) return { id: c.id, version: updated.version } as CaseView;
    return caseView(await loadAggregate(m, updated), chinaDateOf(now));
  }

  /** The four clocks, recomputed from the case's facts by rules/clocks.ts. */
  private async clocksOf(m: EntityManager, c: Case): Promise<CaseClocks> {
    return clocksOfCase(this.calendar.calendar(c.courtId), c, await loadClockFacts(m, c.id, c.status));
  }
}
