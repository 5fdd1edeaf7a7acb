import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { allocateAgreementNumber } from '../case-records/agreement-number.js';
import { Agreement, AgreementTerm } from '../case-records/agreement.entity.js';
import type { Case } from '../case-records/case.entity.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { eligibleForMediator } from '../case-records/eligibility.js';
import { Obligation, obligationsOfTerms } from '../case-records/obligation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { MediationSession } from '../case-records/session.entity.js';
import { Termination } from '../case-records/termination.entity.js';
import type { BulkContext } from '../common/bulk-context.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { Court } from '../courts/court.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { RejectionGround, TerminationReason } from '../rules/case-status.js';
import { confirmationNumberType, formatCaseNumber } from '../rules/case-number.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { parseMoney } from '../rules/money.js';
import { settlementPathOf } from '../rules/regime.js';
import { checkExtension } from '../rules/tracks.js';
import { User } from '../users/user.entity.js';
import { CaseTransitions } from './case-transitions.service.js';
import type { CaseView } from './case-view.js';
import { nextSequence } from './cases.service.js';
import type {
  AgreementDto,
  ConfirmationApplyDto,
  DecisionDto,
  DelegateDto,
  ExtensionDto,
  ReasonDto,
  SessionDto,
  TerminationDto,
} from './dto/actions.dto.js';
import { activeCases, lockMediatorWorkload, onActiveRoster, workloadCapError } from './workload.js';

/** Allowed skew for instants the client reports (heldAt, signedAt) relative to our clock. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * The actions of the case state machine (rules/case-status.ts), each one transaction run by
 * CaseTransitions: here is what each checks and writes of its own. A bulk import passes a
 * BulkContext as the last argument.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly calendar: CalendarService,
  ) {}

  /** The document an action would issue, without saving anything (CaseTransitions.preview). */
  preview(run: () => Promise<CaseView>): Promise<Buffer> {
    return this.transitions.preview(run);
  }

  private assertAssignee(user: AuthUser, c: Case): void {
    if (c.assigneeId !== user.id) throw forbidden('Only the mediator handling this case may do this');
  }

  delegate(user: AuthUser, id: string, dto: DelegateDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'delegate',
      dto.version,
      {},
      async (m, c, now) => {
        let organizationId = dto.organizationId ?? null;
        const mediatorId = dto.mediatorId ?? null;
        if (mediatorId) {
          const mediator = await m.findOne(User, { where: { id: mediatorId } });
          if (!mediator || mediator.role !== 'mediator' || mediator.courtId !== c.courtId || !mediator.active) {
            throw new DomainError('VALIDATION_FAILED', 'No such mediator at this court', { mediatorId: 'unknown' });
          }
          if (!(await onActiveRoster(m, mediator.id))) {
            throw new DomainError('VALIDATION_FAILED', 'The mediator is suspended or removed from the roster', {
              mediatorId: 'not_on_roster',
            });
          }
          if (organizationId && mediator.organizationId !== organizationId) {
            throw new DomainError('VALIDATION_FAILED', 'The mediator does not belong to that organization', {
              mediatorId: 'not_in_organization',
            });
          }
          organizationId = mediator.organizationId;
        } else if (organizationId) {
          const org = await m.findOne(Organization, { where: { id: organizationId } });
          if (!org || org.courtId !== c.courtId)
            throw new DomainError('VALIDATION_FAILED', 'No such organization at this court', { organizationId: 'unknown' });
        }
        const scope = mediatorId ? 'mediator' : organizationId ? 'organization' : 'court';
        return {
          changes: {
            queueScope: scope,
            delegatedOrganizationId: organizationId,
            delegatedMediatorId: mediatorId,
            delegatedAt: now,
            delegationNote: dto.note?.trim() || null,
          },
          event: { type: 'case.delegated', data: { scope, organizationId, mediatorId, note: dto.note ?? null } },
          document: 'delegation_letter',
          queueEvent: 'delegated',
        };
      },
      bulk,
    );
  }

  claim(user: AuthUser, id: string, version?: number, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'claim',
      version,
      {},
      async (m, c, now) => {
        if (c.status === 'delegated' && !eligibleForMediator(c, user)) throw forbidden('This case is not in your queue');
        await this.assertUnderCap(m, user, c.courtId);
        return {
          changes: { assigneeId: user.id, acceptedAt: now },
          event: {
            type: 'case.claimed',
            data: { assigneeId: user.id, waitedMs: c.delegatedAt ? now.getTime() - c.delegatedAt.getTime() : null },
          },
          queueEvent: 'claimed',
        };
      },
      bulk,
    );
  }

  /** Fairness: the court's cap on active cases per mediator (cases/workload.ts). */
  async assertUnderCap(m: EntityManager, user: AuthUser, courtId: string): Promise<void> {
    const cap = await lockMediatorWorkload(m, user, courtId);
    const active = await activeCases(m, user.id);
    if (active >= cap) throw workloadCapError(active, cap);
  }

  release(user: AuthUser, id: string, dto: ReasonDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'release',
      dto.version,
      {},
      async (_m, c, now) => {
        this.assertAssignee(user, c);
        return {
          changes: { assigneeId: null, acceptedAt: null, extensions: [], delegatedAt: now },
          event: { type: 'case.released', data: { reason: dto.reason.trim(), previousAssigneeId: c.assigneeId } },
          queueEvent: 'released',
        };
      },
      bulk,
    );
  }

  /**
   * An administrator who moves, suspends or removes a mediator may return the mediator's cases in
   * mediation to their queues, inside the administrator's own transaction (all or none with the
   * roster change). A case delegated to that mediator by name goes to the court-wide queue, since
   * the one it named can no longer take it; an organization's case goes back to the organization.
   */
  releaseForAdministrator(m: EntityManager, admin: AuthUser, id: string, reason: string): Promise<CaseView> {
    return this.transitions.runWithin(
      m,
      admin,
      id,
      'release',
      undefined,
      {},
      async (_m, c, now) => {
        if (admin.role !== 'admin') throw forbidden('Only an administrator returns another mediator’s cases');
        const named = c.queueScope === 'mediator' && c.delegatedMediatorId === c.assigneeId;
        return {
          changes: {
            assigneeId: null,
            acceptedAt: null,
            extensions: [],
            delegatedAt: now,
            ...(named ? { queueScope: 'court' as const, delegatedMediatorId: null, delegatedOrganizationId: null } : {}),
          },
          event: {
            type: 'case.released',
            data: { reason, previousAssigneeId: c.assigneeId, byAdministrator: true, ...(named ? { requeuedTo: 'court' } : {}) },
          },
          queueEvent: 'released',
        };
      },
      { skipResponseView: true },
    );
  }

  decline(user: AuthUser, id: string, dto: ReasonDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'decline',
      dto.version,
      {},
      async (_m, c) => {
        if (c.queueScope !== 'mediator' || c.delegatedMediatorId !== user.id) {
          throw forbidden('Only the mediator this case was delegated to by name may decline it');
        }
        return {
          changes: { queueScope: null, delegatedOrganizationId: null, delegatedMediatorId: null, delegatedAt: null, delegationNote: null },
          event: { type: 'case.declined', data: { reason: dto.reason.trim() } },
          queueEvent: 'declined',
        };
      },
      bulk,
    );
  }

  recordSession(user: AuthUser, id: string, dto: SessionDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'record_session',
      dto.version,
      {},
      async (m, c, now) => {
        this.assertAssignee(user, c);
        const heldAt = new Date(dto.heldAt);
        if (heldAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
          throw new DomainError('VALIDATION_FAILED', 'heldAt is in the future', { heldAt: 'in_future' });
        const agents = dto.agents ?? [];
        if (agents.length) {
          const partyIds = new Set((await m.find(Party, { where: { caseId: c.id }, select: { id: true } })).map((p) => p.id));
          const errors: Record<string, string> = {};
          agents.forEach((a, i) => {
            if (!partyIds.has(a.partyId)) errors[`agents.${i}.partyId`] = 'not_a_party';
          });
          if (Object.keys(errors).length)
            throw new DomainError(
              'VALIDATION_FAILED',
              `Validation failed — ${Object.keys(errors).join(', ')}: not a party of this case`,
              errors,
            );
        }
        const [{ seq }] = (await m.query('SELECT coalesce(max(seq), 0) + 1 AS seq FROM mediation_sessions WHERE case_id = $1', [c.id])) as {
          seq: number;
        }[];
        await m.save(
          MediationSession,
          m.create(MediationSession, {
            caseId: c.id,
            seq,
            heldAt,
            mode: dto.mode,
            location: dto.location?.trim() || null,
            attendees: dto.attendees.map((a) => a.trim()),
            minutes: dto.minutes,
            undisputedFacts: dto.undisputedFacts?.trim() || null,
            disclosure: dto.disclosure?.trim() || null,
            recusalRequested: dto.recusalRequested ?? false,
            result: dto.result ?? 'adjourned',
            agents: agents.map((a) => ({ partyId: a.partyId, name: a.name.trim(), authority: a.authority })),
            recordedById: user.id,
          }),
        );
        return {
          event: { type: 'case.session_recorded', data: { seq, heldAt: heldAt.toISOString(), mode: dto.mode } },
          document: 'session_record',
        };
      },
      bulk,
    );
  }

  extend(user: AuthUser, id: string, dto: ExtensionDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'extend',
      dto.version,
      {},
      async (_m, c, now) => {
        this.assertAssignee(user, c);
        const check = checkExtension(
          c.track,
          c.extensions.map((e) => e.days),
          dto.days,
        );
        if (!check.ok) throw new DomainError('ILLEGAL_TRANSITION', check.message, { days: check.reason });
        if (c.mediationEndsOn && chinaDateOf(now) > c.mediationEndsOn) {
          throw new DomainError('DEADLINE_PASSED', `The mediation period ended on ${c.mediationEndsOn}; it can no longer be extended`);
        }
        const record = { days: dto.days, reason: dto.reason.trim(), at: now.toISOString(), byUserId: user.id };
        return {
          changes: { extensions: [...c.extensions, record] },
          event: {
            type: 'case.extended',
            data: { days: dto.days, reason: record.reason, partiesConsent: true, previousEndsOn: c.mediationEndsOn },
          },
        };
      },
      bulk,
    );
  }

  /**
   * Records the agreement. Paper (default): signed by all at `signedAt`, effective that day, the case
   * is agreed. `signatures: "online"`: issued for online signature — the case stays in mediation until
   * the last party signs (AgreementSigningService); issuing again while signatures are pending amends
   * the agreement and its new PDF voids the earlier signatures.
   */
  agree(user: AuthUser, id: string, dto: AgreementDto, bulk: BulkContext = {}): Promise<CaseView> {
    const online = dto.signatures === 'online';
    if (online && dto.signedAt !== undefined)
      throw new DomainError('VALIDATION_FAILED', 'signedAt is set by the last online signature', { signedAt: 'not_allowed' });
    if (!online && dto.signedAt === undefined)
      throw new DomainError('VALIDATION_FAILED', 'signedAt is required for paper signatures', { signedAt: 'required' });
    return this.transitions.run(
      user,
      id,
      online ? 'issue_agreement' : 'agree',
      dto.version,
      {},
      async (m, c, now) => {
        this.assertAssignee(user, c);
        const signedAt = online ? null : new Date(dto.signedAt!);
        if (signedAt && signedAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
          throw new DomainError('VALIDATION_FAILED', 'signedAt is in the future', { signedAt: 'in_future' });
        // Online, the agreement takes effect with the last signature: terms fall due no earlier than today.
        const effectiveOn = signedAt ? chinaDateOf(signedAt) : null;
        const earliestDue = effectiveOn ?? this.calendar.today();
        const partyIds = new Set((await m.find(Party, { where: { caseId: c.id }, select: { id: true } })).map((p) => p.id));
        const errors: Record<string, string> = {};
        const terms = dto.terms.map((t, i) => {
          const amount = parseMoney(t.amount);
          if (!partyIds.has(t.obligorPartyId)) errors[`terms.${i}.obligorPartyId`] = 'not_a_party';
          if (!partyIds.has(t.obligeePartyId)) errors[`terms.${i}.obligeePartyId`] = 'not_a_party';
          if (t.obligorPartyId === t.obligeePartyId) errors[`terms.${i}.obligeePartyId`] = 'same_as_obligor';
          if (t.dueOn < earliestDue) errors[`terms.${i}.dueOn`] = 'before_signing';
          return {
            position: i + 1,
            obligorPartyId: t.obligorPartyId,
            obligeePartyId: t.obligeePartyId,
            amountFen: amount.ok ? amount.fen : 0n,
            dueOn: t.dueOn,
            method: t.method?.trim() || null,
          };
        });
        if (Object.keys(errors).length)
          throw new DomainError(
            'VALIDATION_FAILED',
            `Validation failed — ${Object.entries(errors)
              .map(([k, v]) => `${k}: ${v}`)
              .join('; ')}`,
            errors,
          );
        // An agreement pending online signatures is amended in place (its terms replaced); otherwise a new row.
        const pending = await m.findOne(Agreement, { where: { caseId: c.id } });
        if (pending) await m.delete(AgreementTerm, { agreementId: pending.id });
        const fields = {
          content: dto.content,
          performancePlace: dto.performancePlace?.trim() || null,
          signedAt,
          effectiveOn,
          signatureMethod: online ? ('online' as const) : ('paper' as const),
          signingDocumentId: null,
          issuedForSignatureAt: online ? now : null,
        };
        const agreement = pending
          ? Object.assign(pending, fields)
          : m.create(Agreement, { ...(await allocateAgreementNumber(m, c, now)), caseId: c.id, createdById: user.id, ...fields });
        await m.save(Agreement, agreement);
        const savedTerms = await m.save(
          AgreementTerm,
          terms.map((t) => m.create(AgreementTerm, { ...t, agreementId: agreement.id })),
        );
        const totalFen = terms.reduce((s, t) => s + t.amountFen, 0n);
        if (online) {
          return {
            event: {
              type: pending ? 'agreement.amended' : 'agreement.issued_for_signature',
              data: { terms: terms.length, totalFen: totalFen.toString(), previousDocumentId: pending?.signingDocumentId ?? null },
            },
            document: 'agreement',
            afterDocument: async (tx, doc) => {
              await tx.update(Agreement, { id: agreement.id }, { signingDocumentId: doc.id });
            },
          };
        }
        await m.save(
          Obligation,
          obligationsOfTerms(c.courtId, c.id, savedTerms).map((o) => m.create(Obligation, o)),
        );
        return {
          changes: { mediationEndedAt: now },
          event: { type: 'case.agreed', data: { effectiveOn, terms: terms.length, totalFen: totalFen.toString() } },
          document: 'agreement',
        };
      },
      bulk,
    );
  }

  terminate(user: AuthUser, id: string, dto: TerminationDto, bulk: BulkContext = {}): Promise<CaseView> {
    const reason = dto.reason as TerminationReason;
    return this.transitions.run(
      user,
      id,
      'terminate',
      dto.version,
      { reason },
      async (m, c, now) => {
        if (user.role === 'mediator') this.assertAssignee(user, c);
        else if (user.role !== 'clerk') throw forbidden('Only the handling mediator or a clerk may end mediation');
        await m.save(
          Termination,
          m.create(Termination, {
            caseId: c.id,
            reason,
            details: dto.details,
            undisputedFacts: dto.undisputedFacts?.trim() || null,
            byUserId: user.id,
          }),
        );
        const wasQueued = c.status === 'delegated';
        return {
          changes: { mediationEndedAt: c.acceptedAt ? now : null },
          event: { type: reason === 'applicant_withdrew' ? 'case.withdrawn' : 'case.failed', data: { reason } },
          document: 'termination_record',
          queueEvent: wasQueued ? 'withdrawn' : undefined,
        };
      },
      bulk,
    );
  }

  applyForConfirmation(user: AuthUser, id: string, dto: ConfirmationApplyDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'apply_confirmation',
      dto.version,
      {},
      async (m, c) => {
        if (settlementPathOf(c.track) !== 'confirmation') {
          // Issue 14 item 2: a registered (民初) case ends by 民事调解书 or 撤诉 in the same case (POST /api/cases/:id/conclusion).
          throw new DomainError(
            'ILLEGAL_TRANSITION',
            '立案后委托调解的案件达成协议后，应由本院出具民事调解书或准许撤诉，不另行申请司法确认',
            undefined,
            { status: c.status, track: c.track },
          );
        }
        const today = this.calendar.today();
        const appliedOn = dto.appliedOn ?? today;
        if (appliedOn > today) throw new DomainError('VALIDATION_FAILED', 'appliedOn is in the future', { appliedOn: 'in_future' });
        const agreement = await m.findOneOrFail(Agreement, { where: { caseId: c.id } });
        if (!agreement.effectiveOn || appliedOn < agreement.effectiveOn)
          throw new DomainError('VALIDATION_FAILED', 'appliedOn is before the agreement took effect', { appliedOn: 'before_agreement' });
        if (c.confirmationApplyBy && appliedOn > c.confirmationApplyBy) {
          throw new DomainError(
            'DEADLINE_PASSED',
            `The 30-day window for judicial confirmation ended on ${c.confirmationApplyBy} (民事诉讼法第二百零五条)`,
            undefined,
            { confirmationApplyBy: c.confirmationApplyBy },
          );
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
        // Issue 16 item 5: who joined the joint application from their phone; the rest applied on paper.
        const joined = (
          (await m.query('SELECT party_id AS "partyId" FROM confirmation_joins WHERE case_id = $1', [c.id])) as { partyId: string }[]
        ).map((j) => j.partyId);
        const parties = await m.count(Party, { where: { caseId: c.id } });
        return {
          event: {
            type: 'case.confirmation_applied',
            data: {
              confirmationCaseNumber: caseNumber,
              appliedOn,
              jointApplication: true,
              joinedOnline: joined,
              allJoinedOnline: joined.length === parties,
            },
          },
          document: 'confirmation_application',
        };
      },
      bulk,
    );
  }

  decide(user: AuthUser, id: string, dto: DecisionDto, bulk: BulkContext = {}): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'decide_confirmation',
      dto.version,
      { result: dto.result },
      async (m, c, now) => {
        const grounds = [...new Set(dto.grounds ?? [])] as RejectionGround[]; // validated against REJECTION_GROUNDS
        if (dto.result === 'rejected' && grounds.length === 0) {
          throw new DomainError('VALIDATION_FAILED', 'A rejection must name its grounds (民诉法解释第三百五十八条)', {
            grounds: 'required',
          });
        }
        if (dto.result === 'confirmed' && grounds.length > 0) {
          throw new DomainError('VALIDATION_FAILED', 'Grounds are only given for a rejection', { grounds: 'not_allowed' });
        }
        await m.update(
          Confirmation,
          { caseId: c.id },
          { result: dto.result, grounds, reasoning: dto.reasoning, decidedAt: now, judgeId: user.id },
        );
        return {
          event: {
            type: dto.result === 'confirmed' ? 'case.confirmed' : 'case.confirmation_rejected',
            data: { result: dto.result, grounds },
          },
          document: 'ruling',
        };
      },
      bulk,
    );
  }
}
