import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import type { Case } from '../case-records/case.entity.js';
import { CaseConclusion } from '../case-records/conclusion.entity.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { ConfirmationReview } from '../case-records/confirmation-review.entity.js';
import { Party } from '../case-records/party.entity.js';
import { DomainError } from '../common/domain-error.js';
import { CaseTransitions } from '../cases/case-transitions.service.js';
import type { CaseView } from '../cases/case-view.js';
import { decisionClock } from '../rules/decision-clock.js';
import { parseCaseNumber } from '../rules/case-number.js';
import { confirmationRegimeWarning, regimeWarning, settlementPathOf } from '../rules/regime.js';
import {
  MATERIAL_CODES,
  MATERIAL_LABELS,
  type MaterialCode,
  type MaterialState,
  SUPPLEMENT_DEFAULT_DAYS,
  initialChecklist,
  isDeemedWithdrawnReason,
  isExcludedMatter,
  isMaterialCode,
} from '../rules/review-file.js';
import { screen, type ScreeningParty } from '../rules/screening.js';
import type {
  AcceptanceDto,
  ClosureDto,
  ConclusionDto,
  DecisionExtensionDto,
  MaterialsDto,
  SupplementDto,
  SupplementReceivedDto,
} from './review.dto.js';

const STATES: readonly MaterialState[] = ['provided', 'missing', 'not_applicable'];

/**
 * The judge's desk for an agreement (issue 14 items 2–5): the review file of a confirmation
 * (受理 date, Art. 354 checklist, 补交材料 pausing the clock, the president's +10 days, 不予受理 /
 * 准许撤回 / 按撤回处理), the entrusted outcome (民事调解书 or 撤诉) and the 虚假调解 screening flags.
 * Each change is one case action (CaseTransitions): version-checked, court-scoped, audited.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly access: CaseAccess,
    private readonly calendar: CalendarService,
  ) {}

  async file(user: AuthUser, id: string) {
    const m = this.dataSource.manager;
    const c = await this.access.findVisible(m, user, id);
    return this.fileOf(m, c);
  }

  private async fileOf(m: EntityManager, c: Case) {
    const today = this.calendar.today();
    const confirmation = await m.findOne(Confirmation, { where: { caseId: c.id } });
    const review = await m.findOne(ConfirmationReview, { where: { caseId: c.id } });
    const conclusion = await m.findOne(CaseConclusion, { where: { caseId: c.id } });
    const materials = review?.materials ?? initialChecklist(false);
    const acceptedOn = review?.acceptedOn ?? confirmation?.appliedOn ?? null;
    const clock =
      acceptedOn && confirmation
        ? decisionClock(this.calendar.calendar(c.courtId), {
            acceptedOn,
            pauses: (review?.supplements ?? []).map((s) => ({ from: s.requestedOn, to: s.receivedOn })),
            extended: !!review?.extension,
            today,
          })
        : null;
    const type = confirmation ? (parseCaseNumber(confirmation.caseNumber)?.type ?? '') : '';
    return {
      caseId: c.id,
      caseNumber: c.caseNumber,
      track: c.track,
      status: c.status,
      version: c.version,
      regimeWarning: regimeWarning(c.track, c.receivedOn) ?? (confirmation ? confirmationRegimeWarning(type, c.receivedOn) : null),
      settlementPath: settlementPathOf(c.track),
      confirmationCaseNumber: confirmation?.caseNumber ?? null,
      appliedOn: confirmation?.appliedOn ?? null,
      agentApplies: review?.agentApplies ?? false,
      materials: MATERIAL_CODES.map((code) => ({ code, label: MATERIAL_LABELS[code], state: materials[code] })),
      supplements: (review?.supplements ?? []).map((x) => ({
        requestedOn: x.requestedOn,
        dueOn: x.dueOn,
        items: x.items,
        note: x.note,
        receivedOn: x.receivedOn,
      })),
      extension: review?.extension
        ? {
            approvedBy: review.extension.approvedBy,
            approvedOn: review.extension.approvedOn,
            reason: review.extension.reason,
            recordedAt: review.extension.recordedAt,
          }
        : null,
      closure: review?.closure
        ? { kind: review.closure.kind, code: review.closure.code, reasoning: review.closure.reasoning, decidedOn: review.closure.decidedOn }
        : null,
      decisionClock: clock,
      screeningFlags: await this.screeningFlags(m, c, materials.evidence === 'provided'),
      conclusion: conclusion ? { outcome: conclusion.outcome, concludedOn: conclusion.concludedOn, note: conclusion.note } : null,
    };
  }

  private async screeningFlags(m: EntityManager, c: Case, evidenceOnFile: boolean) {
    const parties = await m.find(Party, { where: { caseId: c.id } });
    const keys = parties.flatMap((p) => [p.idNumber, p.creditCode].filter((x): x is string => !!x));
    const names = parties.map((p) => p.name);
    // The court's other cases sharing a party (by ID number, credit code or name).
    const rows = (await m.query(
      `SELECT c.case_number AS "caseNumber", p.role, p.name, p.id_number AS "idNumber", p.credit_code AS "creditCode"
         FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE c.court_id = $1 AND c.id <> $2 AND p.case_id IN (
              SELECT q.case_id FROM parties q WHERE q.id_number = ANY($3) OR q.credit_code = ANY($3) OR q.name = ANY($4))
        LIMIT 2000`,
      [c.courtId, c.id, keys, names],
    )) as (ScreeningParty & { caseNumber: string })[];
    const byCase = new Map<string, ScreeningParty[]>();
    for (const r of rows) byCase.set(r.caseNumber, [...(byCase.get(r.caseNumber) ?? []), r]);
    return screen({
      parties: parties.map((p) => ({
        role: p.role,
        name: p.name,
        idNumber: p.idNumber,
        creditCode: p.creditCode,
        phone: p.phone,
        address: p.address,
        representative: p.representative,
      })),
      claimAmountFen: c.claimAmountFen,
      evidenceOnFile,
      otherCases: [...byCase].map(([caseNumber, ps]) => ({ caseNumber, parties: ps })),
    });
  }

  /** Loads (or opens) the review file of a pending confirmation, refusing changes once it is closed. */
  private async reviewOf(m: EntityManager, c: Case): Promise<ConfirmationReview> {
    const existing = await m.findOne(ConfirmationReview, { where: { caseId: c.id } });
    if (existing) return existing;
    const confirmation = await m.findOneOrFail(Confirmation, { where: { caseId: c.id } });
    return m.create(ConfirmationReview, {
      caseId: c.id,
      acceptedOn: confirmation.appliedOn,
      agentApplies: false,
      materials: initialChecklist(false),
      supplements: [],
      extension: null,
      closure: null,
    });
  }

  private async reviewAction(
    user: AuthUser,
    id: string,
    version: number | undefined,
    type: string,
    change: (m: EntityManager, r: ConfirmationReview, c: Case, now: Date) => Promise<Record<string, unknown>> | Record<string, unknown>,
  ): Promise<CaseView> {
    return this.transitions.run(
      user,
      id,
      'review_confirmation',
      version,
      {},
      async (m, c, now) => {
        const r = await this.reviewOf(m, c);
        const data = await change(m, r, c, now);
        await m.save(ConfirmationReview, r);
        return { event: { type, data } };
      },
      {},
    );
  }

  accept(user: AuthUser, id: string, dto: AcceptanceDto) {
    return this.reviewAction(user, id, dto.version, 'case.confirmation_accepted', async (m, r) => {
      const confirmation = await m.findOneOrFail(Confirmation, { where: { caseId: r.caseId } });
      const acceptedOn = dto.acceptedOn ?? confirmation.appliedOn;
      if (acceptedOn < confirmation.appliedOn)
        throw new DomainError('VALIDATION_FAILED', '受理日期不得早于申请日期', { acceptedOn: 'before_application' });
      if (acceptedOn > this.calendar.today())
        throw new DomainError('VALIDATION_FAILED', '受理日期不得晚于今日', { acceptedOn: 'in_future' });
      r.acceptedOn = acceptedOn;
      if (dto.agentApplies !== undefined) {
        r.agentApplies = dto.agentApplies;
        r.materials = {
          ...r.materials,
          authorization: dto.agentApplies ? (r.materials.authorization === 'provided' ? 'provided' : 'missing') : 'not_applicable',
        };
      }
      return { acceptedOn, agentApplies: r.agentApplies };
    });
  }

  setMaterials(user: AuthUser, id: string, dto: MaterialsDto) {
    return this.reviewAction(user, id, dto.version, 'case.review_materials', (_m, r) => {
      const next: Record<MaterialCode, MaterialState> = { ...r.materials };
      for (const [code, state] of Object.entries(dto.materials)) {
        if (!isMaterialCode(code))
          throw new DomainError('VALIDATION_FAILED', `Unknown material "${code}"`, { [`materials.${code}`]: 'unknown' });
        if (!STATES.includes(state as MaterialState))
          throw new DomainError('VALIDATION_FAILED', `Invalid state "${state}"`, { [`materials.${code}`]: 'invalid_value' });
        next[code] = state as MaterialState;
      }
      r.materials = next;
      return { materials: next };
    });
  }

  requestSupplement(user: AuthUser, id: string, dto: SupplementDto) {
    return this.reviewAction(user, id, dto.version, 'case.supplement_requested', (_m, r, _c) => {
      if (r.supplements.some((s) => s.receivedOn === null))
        throw new DomainError('ILLEGAL_TRANSITION', '已有未完成的补交材料通知', undefined, { status: 'supplement_open' });
      const items = [...new Set(dto.items)] as MaterialCode[];
      const today = this.calendar.today();
      const dueOn = this.calendar
        .calendar(user.courtId)
        .deadline(today, dto.days ?? SUPPLEMENT_DEFAULT_DAYS, 'days', { beforeRange: 'provisional' }).endsOn;
      r.supplements = [
        ...r.supplements,
        { requestedOn: today, dueOn, items, note: dto.note?.trim() || null, receivedOn: null, requestedById: user.id },
      ];
      r.materials = { ...r.materials, ...Object.fromEntries(items.map((i) => [i, 'missing'])) };
      return { items, requestedOn: today, dueOn, clock: 'paused' };
    });
  }

  receiveSupplement(user: AuthUser, id: string, dto: SupplementReceivedDto) {
    return this.reviewAction(user, id, dto.version, 'case.supplement_received', (_m, r) => {
      const open = r.supplements.find((s) => s.receivedOn === null);
      if (!open) throw new DomainError('ILLEGAL_TRANSITION', '没有待补交的材料', undefined, { status: 'no_open_supplement' });
      const receivedOn = dto.receivedOn ?? this.calendar.today();
      if (receivedOn < open.requestedOn || receivedOn > this.calendar.today())
        throw new DomainError('VALIDATION_FAILED', '收到日期须在通知之日至今日之间', { receivedOn: 'out_of_range' });
      r.supplements = r.supplements.map((s) => (s === open ? { ...s, receivedOn } : s));
      r.materials = { ...r.materials, ...Object.fromEntries(open.items.map((i) => [i, 'provided'])) };
      return { receivedOn, items: open.items, clock: 'resumed' };
    });
  }

  extend(user: AuthUser, id: string, dto: DecisionExtensionDto) {
    return this.reviewAction(user, id, dto.version, 'case.decision_extended', (_m, r, _c, now) => {
      if (r.extension)
        throw new DomainError('ILLEGAL_TRANSITION', '审查期限只能经院长批准延长一次（十日）', undefined, { status: 'already_extended' });
      if (dto.approvedOn > this.calendar.today())
        throw new DomainError('VALIDATION_FAILED', '批准日期不得晚于今日', { approvedOn: 'in_future' });
      r.extension = {
        approvedBy: dto.approvedBy.trim(),
        approvedOn: dto.approvedOn,
        reason: dto.reason.trim(),
        recordedById: user.id,
        recordedAt: now.toISOString(),
      };
      return { approvedBy: r.extension.approvedBy, approvedOn: r.extension.approvedOn, reason: r.extension.reason, days: 10 };
    });
  }

  close(user: AuthUser, id: string, dto: ClosureDto) {
    return this.transitions.run(
      user,
      id,
      'close_confirmation',
      dto.version,
      {},
      async (m, c, now) => {
        if (dto.kind === 'not_accepted' && !isExcludedMatter(dto.code))
          throw new DomainError('VALIDATION_FAILED', '不予受理须写明民诉法解释第三百五十五条的情形', { code: 'required_excluded_matter' });
        if (dto.kind === 'deemed_withdrawn' && !isDeemedWithdrawnReason(dto.code))
          throw new DomainError('VALIDATION_FAILED', '按撤回处理须写明理由', { code: 'required_reason' });
        if (dto.kind === 'withdrawal_permitted' && dto.code)
          throw new DomainError('VALIDATION_FAILED', '准许撤回不需要情形代码', { code: 'not_allowed' });
        const r = await this.reviewOf(m, c);
        const decidedOn = this.calendar.today();
        r.closure = { kind: dto.kind, code: dto.code ?? null, reasoning: dto.reasoning.trim(), decidedOn, judgeId: user.id };
        await m.save(ConfirmationReview, r);
        return {
          changes: { mediationEndedAt: c.mediationEndedAt ?? now },
          event: { type: `case.confirmation_${dto.kind}`, data: { kind: dto.kind, code: dto.code ?? null } },
          document: `ruling_${dto.kind}` as const,
        };
      },
      {},
    );
  }

  conclude(user: AuthUser, id: string, dto: ConclusionDto) {
    return this.transitions.run(
      user,
      id,
      'conclude',
      dto.version,
      {},
      async (m, c) => {
        if (settlementPathOf(c.track) !== 'decree_or_withdrawal') {
          throw new DomainError('ILLEGAL_TRANSITION', '诉前委派调解的协议经司法确认程序处理，不出具民事调解书', undefined, {
            status: c.status,
            track: c.track,
          });
        }
        const note = dto.note?.trim() ?? '';
        if (dto.outcome === 'withdrawal' && !note)
          throw new DomainError('VALIDATION_FAILED', '撤诉须记录原告撤诉的意思表示及理由', { note: 'required' });
        const concludedOn = this.calendar.today();
        await m.save(
          CaseConclusion,
          m.create(CaseConclusion, { caseId: c.id, outcome: dto.outcome, concludedOn, note: note || '调解书', judgeId: user.id }),
        );
        return {
          event: {
            type: dto.outcome === 'decree' ? 'case.mediation_decree_issued' : 'case.withdrawn_after_agreement',
            data: { outcome: dto.outcome, concludedOn },
          },
          document: dto.outcome === 'decree' ? ('mediation_decree' as const) : undefined,
        };
      },
      {},
    );
  }
}
