import type { EntityManager } from 'typeorm';
import { Court } from '../courts/court.entity.js';
import { validateResidentId } from '../rules/id-number.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { normalizeMoneyInText } from '../rules/money.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { mediationPeriodDays } from '../rules/tracks.js';
import { FeeRuleError, litigationFee, roundFee } from '../rules/fees.js';
import { User } from '../users/user.entity.js';
import { Case } from '../case-records/case.entity.js';
import { Agreement, AgreementTerm } from '../case-records/agreement.entity.js';
import { mediatingOrganization } from '../case-records/agreement-number.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { ConfirmationReview } from '../case-records/confirmation-review.entity.js';
import { MediationSession } from '../case-records/session.entity.js';
import { Termination } from '../case-records/termination.entity.js';
import { Party } from '../case-records/party.entity.js';
import type { DocumentKind } from '../rules/document-kinds.js';
import type * as VM from './pdf/view-models.js';
import { ROLE_LABELS } from './pdf/labels.js';
import { buildFollowupViewModel } from './followup-view-model-builder.js';
import { agreementSignatureLines, buildServiceAddressConfirmation, type IssueSubject } from './party-view-model-builder.js';
import { buildReviewViewModel, isReviewKind, type ReviewKind } from './review-view-model-builder.js';

/** The case and what hangs off it, as far as the document at hand needs them. */
interface CaseFacts {
  case: Case;
  parties: Party[];
  sessions: MediationSession[];
  agreement: (Agreement & { terms: AgreementTerm[] }) | null;
  confirmation: Confirmation | null;
  termination: Termination | null;
}

/** Everything the documents of one case draw on, loaded once per issue. */
interface Context {
  agg: CaseFacts;
  court: Court;
  organization: VM.MediationOrganization;
  mediatorName: string;
  users: Map<string, User>;
}

function partyVm(p: Party): VM.Party {
  if (p.kind === 'organization') {
    return {
      kind: 'organization',
      role: p.role,
      name: p.name,
      creditCode: p.creditCode,
      address: p.address,
      representativeTitle: p.representative ? '法定代表人' : null,
      representative: p.representative,
      phone: p.phone,
    };
  }
  const id = p.idNumber ? validateResidentId(p.idNumber) : null;
  return {
    kind: 'person',
    role: p.role,
    name: p.name,
    idNumber: p.idNumber,
    address: p.address,
    phone: p.phone,
    gender: id?.ok ? (id.sex === 'male' ? '男' : '女') : null,
    birthDate: id?.ok ? id.birthDate : null,
  };
}

/** What each document draws on, so issuing one loads no more than it prints. */
const NEEDS: Record<DocumentKind, { sessions?: true; agreement?: true; confirmation?: true; termination?: true }> = {
  delegation_letter: {},
  session_record: { sessions: true },
  agreement: { agreement: true },
  termination_record: { sessions: true, termination: true },
  confirmation_application: { agreement: true, confirmation: true },
  ruling: { agreement: true, confirmation: true },
  mediation_decree: { agreement: true },
  ruling_not_accepted: { confirmation: true },
  ruling_withdrawal_permitted: { confirmation: true },
  ruling_deemed_withdrawn: { confirmation: true },
  followup_record: { agreement: true },
  service_address_confirmation: {},
};

async function contextOf(m: EntityManager, c: Case, need: (typeof NEEDS)[DocumentKind] | 'all'): Promise<Context> {
  const all = need === 'all';
  const wants = (k: 'sessions' | 'agreement' | 'confirmation' | 'termination') => all || !!need[k];
  const parties = await m.find(Party, { where: { caseId: c.id }, order: { position: 'ASC' } });
  const sessions = wants('sessions') ? await m.find(MediationSession, { where: { caseId: c.id }, order: { seq: 'ASC' } }) : [];
  const agreementRow = wants('agreement') ? await m.findOne(Agreement, { where: { caseId: c.id } }) : null;
  const terms = agreementRow ? await m.find(AgreementTerm, { where: { agreementId: agreementRow.id }, order: { position: 'ASC' } }) : [];
  const confirmation = wants('confirmation') ? await m.findOne(Confirmation, { where: { caseId: c.id } }) : null;
  const termination = wants('termination') ? await m.findOne(Termination, { where: { caseId: c.id } }) : null;
  const court = await courtOf(m, c.courtId);
  const org = await mediatingOrganization(m, c);
  const userIds = [
    c.assigneeId,
    c.delegatedMediatorId,
    c.createdById,
    confirmation?.judgeId,
    confirmation?.appliedById,
    termination?.byUserId,
  ].filter((x): x is string => !!x);
  const users = new Map(
    (userIds.length
      ? await m
          .createQueryBuilder(User, 'u')
          .where('u.id IN (:...ids)', { ids: [...new Set(userIds)] })
          .getMany()
      : []
    ).map((u) => [u.id, u]),
  );
  const mediator = users.get(c.assigneeId ?? c.delegatedMediatorId ?? '');
  return {
    agg: { case: c, parties, sessions, agreement: agreementRow ? Object.assign(agreementRow, { terms }) : null, confirmation, termination },
    court,
    users,
    organization: { name: org?.name ?? `${court.name}诉调对接中心` },
    mediatorName: mediator?.displayName ?? '',
  };
}

/**
 * The court as it is now: an administrator may rename it or change its settings (issue 15), and
 * every app instance must print the same name at once, so no per-process cache (one primary-key read).
 */
function courtOf(m: EntityManager, id: string): Promise<Court> {
  return m.findOneByOrFail(Court, { id });
}

function basics(ctx: Context): VM.CaseBasics {
  const c = ctx.agg.case;
  return {
    courtName: ctx.court.name,
    caseNumber: c.caseNumber,
    disputeTypeName: disputeTypeOf(c.disputeType)?.name ?? c.disputeType,
    parties: ctx.agg.parties.map(partyVm),
  };
}

function termsOf(ctx: Context): VM.AgreementTerm[] {
  const names = new Map(ctx.agg.parties.map((p) => [p.id, p.name]));
  return (ctx.agg.agreement?.terms ?? []).map((t) => ({
    obligor: names.get(t.obligorPartyId) ?? '',
    obligee: names.get(t.obligeePartyId) ?? '',
    amount: t.amountFen.toString(),
    dueOn: t.dueOn,
    method: t.method,
  }));
}

/**
 * The agreement's clauses after the payment terms, as the mediator wrote them (one per line, amounts
 * in the documents' money format), with the claimant's waiver of the rest of the claims first unless a
 * clause already says what is given up: without it a settled claim could be sued for again.
 */
function clausesOf(ctx: Context): string[] {
  const clauses = (ctx.agg.agreement?.content ?? '')
    .split(/\n+/)
    .map((line) => normalizeMoneyInText(line.trim()))
    .filter(Boolean);
  const applicants = ctx.agg.parties.filter((p) => p.role === 'applicant').map((p) => p.name);
  if (applicants.length && !clauses.some((line) => line.includes('放弃'))) clauses.unshift(`${applicants.join('、')}放弃其余请求。`);
  return clauses;
}

/** 编号 of the agreement in the mediating committee's series (赤市调字〔2026〕第12号), as allocated. */
function agreementNumberOf(ctx: Context): string {
  return ctx.agg.agreement?.number ?? '';
}

/**
 * The 案件受理费 the plaintiff of an entrusted case pays before trial: 交纳办法 Art. 13 on the claim, by
 * the rules of the day the case was received, rounded by the court's setting; null when no fee rule
 * covers it.
 */
function acceptanceFeeOf(court: Court, c: Case): string | null {
  const feeCategory = disputeTypeOf(c.disputeType)?.feeCategory ?? 'property';
  try {
    const fee = litigationFee({ amountFen: c.claimAmountFen, feeCategory, on: c.receivedOn, province: court.province });
    return roundFee(fee.fullFeeFen, court.feeRounding).toString();
  } catch (e) {
    if (e instanceof FeeRuleError) return null;
    throw e;
  }
}

/** The judge's review file of the confirmation, once opened (立案 date, whether an agent applies). */
function reviewOf(m: EntityManager, c: Case) {
  return m.findOne(ConfirmationReview, { where: { caseId: c.id }, select: { id: true, acceptedOn: true, agentApplies: true } });
}

async function build(
  m: EntityManager,
  kind: Exclude<DocumentKind, ReviewKind | 'followup_record' | 'service_address_confirmation'>,
  ctx: Context,
  at: Date,
): Promise<VM.ViewModels[DocumentKind]> {
  const c = ctx.agg.case;
  const a = ctx.agg.agreement;
  const conf = ctx.agg.confirmation;
  switch (kind) {
    case 'delegation_letter':
      return {
        ...basics(ctx),
        organization: ctx.organization,
        mediatorName: c.delegatedMediatorId ? ctx.mediatorName : null,
        track: c.track,
        claimAmount: c.claimAmountFen.toString(),
        claims: c.claims,
        summary: c.summary,
        receivedOn: c.receivedOn,
        delegatedOn: chinaDateOf(c.delegatedAt ?? at),
        acceptBy: c.acceptBy ?? '',
        mediationDays: mediationPeriodDays(c.track, c.procedure),
        note: c.delegationNote,
        attachments: ['起诉材料', '当事人身份证明', '证据材料'],
        contactName: ctx.users.get(c.createdById)?.displayName ?? null,
      } satisfies VM.DelegationLetterView;
    case 'session_record': {
      const s = ctx.agg.sessions[ctx.agg.sessions.length - 1]!;
      return {
        ...basics(ctx),
        organization: ctx.organization,
        sessionNo: s.seq,
        heldAt: s.heldAt.toISOString(),
        mode: s.mode,
        location: s.location,
        mediatorName: ctx.mediatorName,
        recorderName: ctx.mediatorName,
        attendees: s.attendees,
        minutes: s.minutes,
        undisputedFacts: s.undisputedFacts ? [s.undisputedFacts] : null,
        disclosure: s.disclosure,
        recusalRequested: s.recusalRequested,
        result: s.result,
        agents: s.agents.map((a) => {
          const p = ctx.agg.parties.find((x) => x.id === a.partyId);
          return { principal: p ? `${ROLE_LABELS[p.role]}${p.name}` : '', name: a.name, authority: a.authority };
        }),
      } satisfies VM.SessionRecordView;
    }
    case 'agreement':
      return {
        ...basics(ctx),
        agreementNumber: agreementNumberOf(ctx),
        organization: ctx.organization,
        facts: normalizeMoneyInText(c.summary),
        disputedMatters: normalizeMoneyInText(c.claims.join('；')),
        terms: termsOf(ctx),
        otherTerms: clausesOf(ctx),
        performancePlace: a!.performancePlace,
        mediatorName: ctx.mediatorName,
        recorderName: ctx.mediatorName,
        signedOn: a!.effectiveOn ?? '',
      } satisfies VM.AgreementView;
    case 'termination_record': {
      const t = ctx.agg.termination!;
      return {
        ...basics(ctx),
        organization: ctx.organization,
        mediatorName: ctx.mediatorName || (ctx.users.get(t.byUserId)?.displayName ?? ''),
        track: c.track,
        delegatedOn: chinaDateOf(c.delegatedAt ?? c.createdAt),
        terminatedOn: chinaDateOf(at),
        reason: t.reason,
        details: t.details,
        sessions: ctx.agg.sessions.map((s) => ({ heldAt: s.heldAt.toISOString(), mode: s.mode, summary: s.minutes.slice(0, 300) })),
        undisputedFacts: t.undisputedFacts ? [t.undisputedFacts] : null,
        acceptanceFee: c.track === 'entrusted' && t.reason !== 'applicant_withdrew' ? acceptanceFeeOf(ctx.court, c) : null,
      } satisfies VM.TerminationRecordView;
    }
    case 'confirmation_application':
      return {
        ...basics(ctx),
        confirmationNumber: conf!.caseNumber,
        organization: ctx.organization,
        agreementNumber: agreementNumberOf(ctx),
        agreementSignedOn: chinaDateOf(a!.signedAt!),
        agreementEffectiveOn: a!.effectiveOn!,
        terms: termsOf(ctx),
        otherTerms: clausesOf(ctx),
        appliedOn: conf!.appliedOn,
        materials: [],
        // Usually not known yet: the application is issued before the judge opens the review file.
        agentApplies: (await reviewOf(m, c))?.agentApplies ?? null,
      } satisfies VM.ConfirmationApplicationView;
    case 'ruling':
      return {
        ...basics(ctx),
        caseNumber: conf!.caseNumber,
        organization: ctx.organization,
        agreementSignedOn: chinaDateOf(a!.signedAt!),
        appliedOn: conf!.appliedOn,
        acceptedOn: (await reviewOf(m, c))?.acceptedOn ?? null,
        relatedCaseNumber: c.caseNumber,
        track: c.track,
        // The case records one judge; 民诉法 Art. 185 has a 合议庭 review a major or difficult
        // application, which the template prints when a view model names one.
        bench: { kind: 'single' },
        terms: termsOf(ctx),
        otherTerms: clausesOf(ctx),
        result: conf!.result!,
        grounds: conf!.grounds,
        reasoning: conf!.reasoning ?? '',
        judgeName: ctx.users.get(conf!.judgeId ?? '')?.displayName ?? '',
        clerkName: ctx.users.get(conf!.appliedById)?.displayName ?? '',
        decidedOn: chinaDateOf(conf!.decidedAt ?? at),
      } satisfies VM.RulingView;
  }
}

/** Maps the case, as it stands inside the issuing transaction, to the document's view model. */
export async function buildViewModel(m: EntityManager, kind: DocumentKind, c: Case, at: Date, subject?: IssueSubject) {
  const ctx = await contextOf(m, c, NEEDS[kind]);
  if (kind === 'service_address_confirmation')
    return buildServiceAddressConfirmation(m, { parties: ctx.agg.parties, basics: basics(ctx) }, subject);
  if (kind === 'followup_record')
    return buildFollowupViewModel(m, {
      agg: ctx.agg,
      organization: ctx.organization,
      basics: basics(ctx),
      agreementNumber: agreementNumberOf(ctx),
    });
  if (isReviewKind(kind))
    return buildReviewViewModel(m, kind, { ...ctx, basics: basics(ctx), terms: termsOf(ctx), clauses: clausesOf(ctx) }, at);
  const view = await build(m, kind, ctx, at);
  const a = ctx.agg.agreement;
  if (kind === 'agreement' && a?.signatureMethod === 'online' && a.signedAt)
    return { ...(view as VM.AgreementView), signatures: await agreementSignatureLines(m, a, ctx.agg.parties) } satisfies VM.AgreementView;
  return view;
}

export async function buildDossierContext(m: EntityManager, c: Case) {
  return contextOf(m, c, 'all');
}
