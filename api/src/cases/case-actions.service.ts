import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import { Court } from '../courts/court.entity.js';
import type { DocumentKind } from '../documents/document.entity.js';
import { DocumentsService } from '../documents/documents.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { publishQueueEvent, type QueueEventType } from '../queue/case-events.js';
import { type CaseAction, nextStatus, type TerminationReason } from '../rules/case-status.js';
import { formatCaseNumber, confirmationNumberType } from '../rules/case-number.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { parseMoney } from '../rules/money.js';
import { checkExtension } from '../rules/tracks.js';
import { refreshCaseStats } from '../stats/rollups.js';
import { User } from '../users/user.entity.js';
import { Agreement, AgreementTerm } from './agreement.entity.js';
import { type CaseClocks, clocksOfCase, loadClockFacts } from './case-clocks.js';
import { Case } from './case.entity.js';
import { loadAggregate } from './case-loader.js';
import { caseView, type CaseView } from './case-view.js';
import { CasesService, nextSequence } from './cases.service.js';
import { Confirmation } from './confirmation.entity.js';
import type {
  AgreementDto, ConfirmationApplyDto, DecisionDto, DelegateDto, ExtensionDto, ReasonDto, SessionDto, TerminationDto,
} from './dto/actions.dto.js';
import { eligibleForMediator } from './eligibility.js';
import { Party } from './party.entity.js';
import { MediationSession } from './session.entity.js';
import { Termination } from './termination.entity.js';
import { activeCases, lockMediatorWorkload, workloadCapError } from './workload.js';

/** What one action does inside its transaction, after the common checks. */
interface Step {
  changes?: Partial<Case>;
  event: { type: string; data?: Record<string, unknown> };
  document?: DocumentKind;
  queueEvent?: QueueEventType;
}

/** Allowed skew for instants the client reports (heldAt, signedAt) relative to our clock. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** Carries a preview's PDF out of the transaction it rolls back. */
class PreviewRollback extends Error {
  constructor(readonly pdf: Buffer | null) { super('preview'); }
}

@Injectable()
export class CaseActionsService {
  private readonly previewing = new AsyncLocalStorage<boolean>();

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

  /** Bulk imports (the demo seed) skip building the response view of every action. */
  skipResponseView = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every action is one transaction: lock the case row, check version, state and actor, apply,
   * then bump the version with `UPDATE … WHERE version = $n` (row count checked), append the
   * audit event, issue the document and notify open queues — all commit together or not at all.
   */
  private async act(
    user: AuthUser, caseId: string, action: CaseAction, version: number | undefined,
    detail: Parameters<typeof nextStatus>[2],
    apply: (m: EntityManager, c: Case, now: Date) => Promise<Step>,
  ): Promise<CaseView> {
    const preview = this.previewing.getStore() === true;
    return this.dataSource.transaction(async (m) => {
      const c = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      // Court scope decides existence; who may act is checked per action (403) after the state (409).
      if (!c || c.courtId !== user.courtId || user.role === 'statistician') throw notFound('Case');
      if (version !== undefined && version !== c.version) {
        throw new DomainError('VERSION_CONFLICT', `The case changed since you read it (version ${c.version}, you sent ${version}); reload and retry`, undefined, { currentVersion: c.version });
      }
      const next = nextStatus(c.status, action, detail);
      if (next === null) {
        if (action === 'claim' && c.status === 'in_mediation') {
          throw new DomainError('ALREADY_CLAIMED', 'Another mediator has already claimed this case');
        }
        throw new DomainError('ILLEGAL_TRANSITION', `Cannot ${action.replace(/_/g, ' ')} a case that is ${c.status}`, undefined, { status: c.status });
      }
      const from = c.status;
      const queuedIn = { scope: c.queueScope, organizationId: c.delegatedOrganizationId, mediatorId: c.delegatedMediatorId };
      const now = this.clock.now();
      const step = await apply(m, c, now);
      const updated: Case = Object.assign(c, step.changes ?? {}, { status: next });
      Object.assign(updated, await this.clocksOf(m, updated));
      const result = await m.createQueryBuilder().update(Case)
        .set({ ...this.columnsOf(updated), version: () => 'version + 1', updatedAt: now })
        .where('id = :id AND version = :version', { id: c.id, version: c.version })
        .execute();
      if (result.affected !== 1) throw new DomainError('VERSION_CONFLICT', 'The case changed concurrently; reload and retry');
      updated.version += 1;
      await this.audit.append(m, {
        caseId: c.id, type: step.event.type, at: now, actor: user,
        data: { from, to: next, version: updated.version, ...(step.event.data ?? {}) },
      });
      if (preview) {
        // A preview runs the whole action, renders its document, then rolls everything back.
        const doc = step.document ? await this.documents.issue(m, step.document, updated, now, { deferRender: false }) : null;
        throw new PreviewRollback(doc?.pdf ?? null);
      }
      if (step.document) await this.documents.issue(m, step.document, updated, now);
      if (step.queueEvent) {
        // The queue concerned: the one the case enters (delegated, released) or leaves (claimed, declined, withdrawn).
        const queue = next === 'delegated'
          ? { scope: updated.queueScope, organizationId: updated.delegatedOrganizationId, mediatorId: updated.delegatedMediatorId }
          : queuedIn;
        await publishQueueEvent(m, { type: step.queueEvent, caseId: c.id, courtId: c.courtId, ...queue, at: now.toISOString() });
      }
      await refreshCaseStats(m, updated); // statistics rollups, last: their hot rows are then held only until commit
      if (this.skipResponseView) return { id: c.id, version: updated.version } as CaseView;
      return caseView(await loadAggregate(m, updated), chinaDateOf(now));
    });
  }

  private columnsOf(c: Case): Partial<Case> {
    const {
      status, queueScope, delegatedOrganizationId, delegatedMediatorId, delegatedAt, delegationNote, assigneeId,
      acceptedAt, extensions, mediationEndedAt, acceptBy, mediationEndsOn, confirmationApplyBy, decisionDueOn, clocksProvisional,
    } = c;
    return {
      status, queueScope, delegatedOrganizationId, delegatedMediatorId, delegatedAt, delegationNote, assigneeId,
      acceptedAt, extensions, mediationEndedAt, acceptBy, mediationEndsOn, confirmationApplyBy, decisionDueOn, clocksProvisional,
    };
  }

  /** The four clocks, recomputed from the case's facts by rules/clocks.ts. */
  private async clocksOf(m: EntityManager, c: Case): Promise<CaseClocks> {
    return clocksOfCase(this.calendar.calendar(), c, await loadClockFacts(m, c.id, c.status));
  }

  private assertAssignee(user: AuthUser, c: Case): void {
    if (c.assigneeId !== user.id) throw forbidden('Only the mediator handling this case may do this');
  }

  delegate(user: AuthUser, id: string, dto: DelegateDto): Promise<CaseView> {
    return this.act(user, id, 'delegate', dto.version, {}, async (m, c, now) => {
      let organizationId = dto.organizationId ?? null;
      const mediatorId = dto.mediatorId ?? null;
      if (mediatorId) {
        const mediator = await m.findOne(User, { where: { id: mediatorId } });
        if (!mediator || mediator.role !== 'mediator' || mediator.courtId !== c.courtId || !mediator.active) {
          throw new DomainError('VALIDATION_FAILED', 'No such mediator at this court', { mediatorId: 'unknown' });
        }
        if (organizationId && mediator.organizationId !== organizationId) {
          throw new DomainError('VALIDATION_FAILED', 'The mediator does not belong to that organization', { mediatorId: 'not_in_organization' });
        }
        organizationId = mediator.organizationId;
      } else if (organizationId) {
        const org = await m.findOne(Organization, { where: { id: organizationId } });
        if (!org || org.courtId !== c.courtId) throw new DomainError('VALIDATION_FAILED', 'No such organization at this court', { organizationId: 'unknown' });
      }
      const scope = mediatorId ? 'mediator' : organizationId ? 'organization' : 'court';
      return {
        changes: {
          queueScope: scope, delegatedOrganizationId: organizationId, delegatedMediatorId: mediatorId,
          delegatedAt: now, delegationNote: dto.note?.trim() || null,
        },
        event: { type: 'case.delegated', data: { scope, organizationId, mediatorId, note: dto.note ?? null } },
        document: 'delegation_letter', queueEvent: 'delegated',
      };
    });
  }

  claim(user: AuthUser, id: string, version?: number): Promise<CaseView> {
    return this.act(user, id, 'claim', version, {}, async (m, c, now) => {
      if (c.status === 'delegated' && !eligibleForMediator(c, user)) throw forbidden('This case is not in your queue');
      await this.assertUnderCap(m, user, c.courtId);
      return {
        changes: { assigneeId: user.id, acceptedAt: now },
        event: { type: 'case.claimed', data: { assigneeId: user.id, waitedMs: c.delegatedAt ? now.getTime() - c.delegatedAt.getTime() : null } },
        queueEvent: 'claimed',
      };
    });
  }

  /** Fairness: the court's cap on active cases per mediator (cases/workload.ts). */
  async assertUnderCap(m: EntityManager, user: AuthUser, courtId: string): Promise<void> {
    const cap = await lockMediatorWorkload(m, user, courtId);
    const active = await activeCases(m, user.id);
    if (active >= cap) throw workloadCapError(active, cap);
  }

  release(user: AuthUser, id: string, dto: ReasonDto): Promise<CaseView> {
    return this.act(user, id, 'release', dto.version, {}, async (_m, c, now) => {
      this.assertAssignee(user, c);
      return {
        changes: { assigneeId: null, acceptedAt: null, extensions: [], delegatedAt: now },
        event: { type: 'case.released', data: { reason: dto.reason.trim(), previousAssigneeId: c.assigneeId } },
        queueEvent: 'released',
      };
    });
  }

  decline(user: AuthUser, id: string, dto: ReasonDto): Promise<CaseView> {
    return this.act(user, id, 'decline', dto.version, {}, async (_m, c) => {
      if (c.queueScope !== 'mediator' || c.delegatedMediatorId !== user.id) {
        throw forbidden('Only the mediator this case was delegated to by name may decline it');
      }
      return {
        changes: { queueScope: null, delegatedOrganizationId: null, delegatedMediatorId: null, delegatedAt: null, delegationNote: null },
        event: { type: 'case.declined', data: { reason: dto.reason.trim() } },
        queueEvent: 'declined',
      };
    });
  }

  recordSession(user: AuthUser, id: string, dto: SessionDto): Promise<CaseView> {
    return this.act(user, id, 'record_session', dto.version, {}, async (m, c, now) => {
      this.assertAssignee(user, c);
      const heldAt = new Date(dto.heldAt);
      if (heldAt.getTime() > now.getTime() + FUTURE_SKEW_MS) throw new DomainError('VALIDATION_FAILED', 'heldAt is in the future', { heldAt: 'in_future' });
      const [{ seq }] = await m.query('SELECT coalesce(max(seq), 0) + 1 AS seq FROM mediation_sessions WHERE case_id = $1', [c.id]) as { seq: number }[];
      await m.save(MediationSession, m.create(MediationSession, {
        caseId: c.id, seq, heldAt, mode: dto.mode, location: dto.location?.trim() || null,
        attendees: dto.attendees.map((a) => a.trim()), minutes: dto.minutes, undisputedFacts: dto.undisputedFacts?.trim() || null,
        recordedById: user.id,
      }));
      return { event: { type: 'case.session_recorded', data: { seq, heldAt: heldAt.toISOString(), mode: dto.mode } }, document: 'session_record' };
    });
  }

  extend(user: AuthUser, id: string, dto: ExtensionDto): Promise<CaseView> {
    return this.act(user, id, 'extend', dto.version, {}, async (_m, c, now) => {
      this.assertAssignee(user, c);
      const check = checkExtension(c.track, c.extensions.map((e) => e.days), dto.days);
      if (!check.ok) throw new DomainError('ILLEGAL_TRANSITION', check.message, { days: check.reason });
      if (c.mediationEndsOn && chinaDateOf(now) > c.mediationEndsOn) {
        throw new DomainError('DEADLINE_PASSED', `The mediation period ended on ${c.mediationEndsOn}; it can no longer be extended`);
      }
      const record = { days: dto.days, reason: dto.reason.trim(), at: now.toISOString(), byUserId: user.id };
      return {
        changes: { extensions: [...c.extensions, record] },
        event: { type: 'case.extended', data: { days: dto.days, reason: record.reason, partiesConsent: true, previousEndsOn: c.mediationEndsOn } },
      };
    });
  }

  agree(user: AuthUser, id: string, dto: AgreementDto): Promise<CaseView> {
    return this.act(user, id, 'agree', dto.version, {}, async (m, c, now) => {
      this.assertAssignee(user, c);
      const signedAt = new Date(dto.signedAt);
      if (signedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) throw new DomainError('VALIDATION_FAILED', 'signedAt is in the future', { signedAt: 'in_future' });
      const effectiveOn = chinaDateOf(signedAt);
      const partyIds = new Set((await m.find(Party, { where: { caseId: c.id }, select: { id: true } })).map((p) => p.id));
      const errors: Record<string, string> = {};
      const terms = dto.terms.map((t, i) => {
        const amount = parseMoney(t.amount);
        if (!partyIds.has(t.obligorPartyId)) errors[`terms.${i}.obligorPartyId`] = 'not_a_party';
        if (!partyIds.has(t.obligeePartyId)) errors[`terms.${i}.obligeePartyId`] = 'not_a_party';
        if (t.obligorPartyId === t.obligeePartyId) errors[`terms.${i}.obligeePartyId`] = 'same_as_obligor';
        if (t.dueOn < effectiveOn) errors[`terms.${i}.dueOn`] = 'before_signing';
        return { position: i + 1, obligorPartyId: t.obligorPartyId, obligeePartyId: t.obligeePartyId, amountFen: amount.ok ? amount.fen : 0n, dueOn: t.dueOn, method: t.method?.trim() || null };
      });
      if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', `Validation failed — ${Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; ')}`, errors);
      const agreement = await m.save(Agreement, m.create(Agreement, {
        caseId: c.id, content: dto.content, performancePlace: dto.performancePlace?.trim() || null, signedAt, effectiveOn, createdById: user.id,
      }));
      await m.save(AgreementTerm, terms.map((t) => m.create(AgreementTerm, { ...t, agreementId: agreement.id })));
      const totalFen = terms.reduce((s, t) => s + t.amountFen, 0n);
      return {
        changes: { mediationEndedAt: now },
        event: { type: 'case.agreed', data: { effectiveOn, terms: terms.length, totalFen: totalFen.toString() } },
        document: 'agreement',
      };
    });
  }

  terminate(user: AuthUser, id: string, dto: TerminationDto): Promise<CaseView> {
    const reason = dto.reason as TerminationReason;
    return this.act(user, id, 'terminate', dto.version, { reason }, async (m, c, now) => {
      if (user.role === 'mediator') this.assertAssignee(user, c);
      else if (user.role !== 'clerk') throw forbidden('Only the handling mediator or a clerk may end mediation');
      await m.save(Termination, m.create(Termination, {
        caseId: c.id, reason, details: dto.details, undisputedFacts: dto.undisputedFacts?.trim() || null, byUserId: user.id,
      }));
      const wasQueued = c.status === 'delegated';
      return {
        changes: { mediationEndedAt: c.acceptedAt ? now : null },
        event: { type: reason === 'applicant_withdrew' ? 'case.withdrawn' : 'case.failed', data: { reason } },
        document: 'termination_record',
        queueEvent: wasQueued ? 'withdrawn' : undefined,
      };
    });
  }

  applyForConfirmation(user: AuthUser, id: string, dto: ConfirmationApplyDto): Promise<CaseView> {
    return this.act(user, id, 'apply_confirmation', dto.version, {}, async (m, c) => {
      const today = this.calendar.today();
      const appliedOn = dto.appliedOn ?? today;
      if (appliedOn > today) throw new DomainError('VALIDATION_FAILED', 'appliedOn is in the future', { appliedOn: 'in_future' });
      const agreement = await m.findOneOrFail(Agreement, { where: { caseId: c.id } });
      if (appliedOn < agreement.effectiveOn) throw new DomainError('VALIDATION_FAILED', 'appliedOn is before the agreement took effect', { appliedOn: 'before_agreement' });
      if (c.confirmationApplyBy && appliedOn > c.confirmationApplyBy) {
        throw new DomainError('DEADLINE_PASSED', `The 30-day window for judicial confirmation ended on ${c.confirmationApplyBy} (民事诉讼法第二百零五条)`, undefined, { confirmationApplyBy: c.confirmationApplyBy });
      }
      const disputeType = disputeTypeOf(c.disputeType);
      if (disputeType?.confirmationExcluded) {
        throw new DomainError('UNPROCESSABLE', `${disputeType.name}: 此类调解协议不属于司法确认受理范围（民诉法解释第三百五十五条）`);
      }
      const court = await m.findOneByOrFail(Court, { id: c.courtId });
      const type = confirmationNumberType(c.track, appliedOn);
      const year = Number(appliedOn.slice(0, 4));
      const seq = await nextSequence(m, c.courtId, type, year);
      const caseNumber = formatCaseNumber({ year, courtCode: court.code, type, seq });
      await m.save(Confirmation, m.create(Confirmation, { caseId: c.id, caseNumber, appliedOn, appliedById: user.id, grounds: [] }));
      return {
        event: { type: 'case.confirmation_applied', data: { confirmationCaseNumber: caseNumber, appliedOn, jointApplication: true } },
        document: 'confirmation_application',
      };
    });
  }

  decide(user: AuthUser, id: string, dto: DecisionDto): Promise<CaseView> {
    return this.act(user, id, 'decide_confirmation', dto.version, { result: dto.result }, async (m, c, now) => {
      const grounds = [...new Set(dto.grounds ?? [])];
      if (dto.result === 'rejected' && grounds.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'A rejection must name its grounds (民诉法解释第三百五十八条)', { grounds: 'required' });
      }
      if (dto.result === 'confirmed' && grounds.length > 0) {
        throw new DomainError('VALIDATION_FAILED', 'Grounds are only given for a rejection', { grounds: 'not_allowed' });
      }
      await m.update(Confirmation, { caseId: c.id }, { result: dto.result, grounds, reasoning: dto.reasoning, decidedAt: now, judgeId: user.id });
      return {
        event: { type: dto.result === 'confirmed' ? 'case.confirmed' : 'case.confirmation_rejected', data: { result: dto.result, grounds } },
        document: 'ruling',
      };
    });
  }
}
