import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { PartyPrincipal } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Agreement } from '../case-records/agreement.entity.js';
import { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import { Case } from '../case-records/case.entity.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { ConfirmationJoin, PartyRating } from '../case-records/party-participation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { AgreementSigningService } from '../cases/agreement-signing.service.js';
import type { PartyActor } from '../cases/case-transitions.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { settlementPathOf } from '../rules/regime.js';
import { mediationEnded } from '../rules/satisfaction.js';
import { PartyAuthService } from './party-auth.service.js';
import type { PartyAgreementDto, PartyConfirmationDto, PartyRatingDto, RatingDto } from './party-participation.dto.js';

export const SIGNATURE_CODE_PURPOSE = 'agreement_signature';

const actorOf = (p: PartyPrincipal): PartyActor => ({ kind: 'party', partyId: p.id, caseId: p.caseId });

/**
 * What a signed-in party does on their own case besides consent and reading (issue 16 items 4–6):
 * sign or refuse the agreement, join the application for judicial confirmation, rate the mediation.
 * Every action is an audit event of the case; nothing here shows the other side's personal data.
 */
@Injectable()
export class PartyParticipationService {
  constructor(
    private readonly ds: DataSource,
    private readonly signing: AgreementSigningService,
    private readonly codes: PartyAuthService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  private async caseAndParties(m: EntityManager, p: PartyPrincipal, lock = false): Promise<{ kase: Case; parties: Party[] }> {
    const kase = await m.findOne(Case, { where: { id: p.caseId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const parties = kase ? await m.find(Party, { where: { caseId: kase.id }, order: { position: 'ASC' } }) : [];
    if (!kase || !parties.some((x) => x.id === p.id)) throw new DomainError('NOT_FOUND', 'Case not found');
    return { kase, parties };
  }

  // ---- the agreement ------------------------------------------------------------------------------

  async agreement(p: PartyPrincipal): Promise<PartyAgreementDto> {
    const m = this.ds.manager;
    const { parties } = await this.caseAndParties(m, p);
    const agreement = await m.findOne(Agreement, { where: { caseId: p.caseId } });
    const signing = agreement?.signingDocumentId ? await m.findOne(DocumentRecord, { where: { id: agreement.signingDocumentId } }) : null;
    const rows = signing ? await m.find(AgreementSignature, { where: { documentId: signing.id }, order: { at: 'ASC' } }) : [];
    const effective = !!agreement?.signedAt;
    const awaiting = !!agreement && agreement.signatureMethod === 'online' && !effective && !!signing;
    // Once in effect the party reads the signed version (the newest agreement PDF).
    const shown = effective
      ? await m.findOne(DocumentRecord, { where: { caseId: p.caseId, kind: 'agreement' }, order: { issuedAt: 'DESC', createdAt: 'DESC' } })
      : awaiting
        ? signing
        : null;
    const served = shown
      ? ((await m.query('SELECT 1 FROM document_services WHERE document_id = $1 AND party_id = $2', [shown.id, p.id])) as unknown[])
          .length > 0
      : false;
    const signers = parties.map((x) => {
      const signed = rows.find((r) => r.partyId === x.id && r.outcome === 'signed');
      const refused = [...rows].reverse().find((r) => r.partyId === x.id && r.outcome === 'refused');
      const paperAgreement = effective && agreement!.signatureMethod === 'paper';
      return {
        partyId: x.id,
        role: x.role,
        name: x.name,
        self: x.id === p.id,
        status: signed || paperAgreement ? ('signed' as const) : refused ? ('refused' as const) : ('pending' as const),
        method: signed ? signed.method : paperAgreement ? ('paper' as const) : null,
        signedAt: signed ? signed.at.toISOString() : paperAgreement ? agreement!.signedAt!.toISOString() : null,
      };
    });
    const mine = signers.find((s) => s.self)!;
    const myRefusal = [...rows].reverse().find((r) => r.partyId === p.id && r.outcome === 'refused');
    return {
      status: effective ? 'effective' : awaiting ? 'awaiting_signatures' : 'none',
      documentId: shown?.id ?? null,
      documentSha256: shown?.sha256 ?? null,
      issuedAt: shown?.issuedAt.toISOString() ?? null,
      effectiveOn: agreement?.effectiveOn ?? null,
      served,
      canSign: awaiting && served && mine.status !== 'signed' && !!signing?.sha256,
      signers,
      myRefusal: myRefusal && mine.status !== 'signed' ? { reason: myRefusal.reason ?? '', refusedAt: myRefusal.at.toISOString() } : null,
    };
  }

  /** A fresh SMS code to sign with: only while an agreement awaits this party's signature. */
  async requestSignatureCode(p: PartyPrincipal): Promise<void> {
    const state = await this.signing.awaiting(this.ds.manager, p.caseId);
    if (!state) throw new DomainError('ILLEGAL_TRANSITION', '本案没有等待签名的调解协议');
    await this.assertServed(p, state.document.id);
    await this.codes.requestPartyCode(
      p,
      SIGNATURE_CODE_PURPOSE,
      (code, caseNumber) =>
        `【人民法院】您正在签署案件${caseNumber}的人民调解协议书，验证码为${code}，10分钟内有效。签名即表示您同意协议内容。如非本人操作，请勿告诉他人。`,
    );
  }

  /**
   * Signs the PDF whose sha256 the party reviewed, with a fresh code: 409 STALE_DOCUMENT before any
   * code is spent when the hash is not the PDF now awaiting signature (checked again under the lock).
   */
  async sign(p: PartyPrincipal, documentSha256: string, code: string) {
    const state = await this.signing.assertCurrent(p.caseId, documentSha256);
    await this.assertServed(p, state.document.id);
    await this.codes.verifyPartyCode(p, code, SIGNATURE_CODE_PURPOSE);
    await this.signing.signOnline(actorOf(p), documentSha256);
    return this.agreement(p);
  }

  async refuse(p: PartyPrincipal, reason: string) {
    await this.signing.refuse(actorOf(p), reason);
    return this.agreement(p);
  }

  /** Online signing needs the PDF served on the party (their consent to electronic service). */
  private async assertServed(p: PartyPrincipal, documentId: string): Promise<void> {
    const rows = (await this.ds.query('SELECT 1 FROM document_services WHERE document_id = $1 AND party_id = $2', [
      documentId,
      p.id,
    ])) as unknown[];
    if (rows.length === 0)
      throw new DomainError('ILLEGAL_TRANSITION', '请先同意电子送达并查阅调解协议，再在线签名', undefined, { reason: 'not_served' });
  }

  // ---- the joint application for judicial confirmation ----------------------------------------------

  async confirmation(p: PartyPrincipal, m: EntityManager = this.ds.manager): Promise<PartyConfirmationDto> {
    const { kase, parties } = await this.caseAndParties(m, p);
    const agreement = await m.findOne(Agreement, { where: { caseId: kase.id } });
    const joins = await m.find(ConfirmationJoin, { where: { caseId: kase.id } });
    const filed = await m.findOne(Confirmation, { where: { caseId: kase.id } });
    const applyBy = kase.confirmationApplyBy;
    return {
      eligible: settlementPathOf(kase.track) === 'confirmation' && !!agreement?.effectiveOn,
      applyBy,
      withinWindow: !!applyBy && this.calendar.today() <= applyBy,
      joinedAt: joins.find((j) => j.partyId === p.id)?.joinedAt.toISOString() ?? null,
      joinedCount: joins.length,
      partyCount: parties.length,
      filed: !!filed,
      confirmationCaseNumber: filed?.caseNumber ?? null,
    };
  }

  /**
   * Joins the application (idempotent: joining again answers the first join). Only for a
   * pre-litigation case whose agreement is in effect and not yet filed, within the 30 days.
   */
  async join(p: PartyPrincipal): Promise<PartyConfirmationDto> {
    return this.ds.transaction(async (m) => {
      const { kase } = await this.caseAndParties(m, p, true);
      const already = await m.findOne(ConfirmationJoin, { where: { partyId: p.id } });
      if (already) return this.confirmation(p, m);
      if (settlementPathOf(kase.track) !== 'confirmation')
        throw new DomainError('ILLEGAL_TRANSITION', '立案后委托调解的案件由本院出具民事调解书，不申请司法确认', undefined, {
          track: kase.track,
        });
      if (kase.status !== 'agreed')
        throw new DomainError('ILLEGAL_TRANSITION', '调解协议生效后、申请提交前才能加入司法确认申请', undefined, { status: kase.status });
      const today = this.calendar.today();
      if (!kase.confirmationApplyBy || today > kase.confirmationApplyBy)
        throw new DomainError(
          'DEADLINE_PASSED',
          `申请司法确认的三十日期限已于${kase.confirmationApplyBy}届满（民事诉讼法第二百零五条）`,
          undefined,
          { confirmationApplyBy: kase.confirmationApplyBy },
        );
      const now = this.clock.now();
      await m.query('INSERT INTO confirmation_joins (party_id, case_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT (party_id) DO NOTHING', [
        p.id,
        kase.id,
        now,
      ]);
      await this.audit.append(m, {
        caseId: kase.id,
        type: 'party.confirmation_joined',
        at: now,
        actor: null,
        data: { partyId: p.id, applyBy: kase.confirmationApplyBy },
      });
      return this.confirmation(p, m);
    });
  }

  // ---- rating ---------------------------------------------------------------------------------------

  async rating(p: PartyPrincipal): Promise<PartyRatingDto> {
    const { kase } = await this.caseAndParties(this.ds.manager, p);
    const r = await this.ds.manager.findOne(PartyRating, { where: { partyId: p.id } });
    return {
      canRate: !r && mediationEnded(kase.status),
      score: r?.score ?? null,
      comment: r?.comment ?? null,
      ratedAt: r?.ratedAt.toISOString() ?? null,
    };
  }

  /** Rates once (409 DUPLICATE the second time; 409 ILLEGAL_TRANSITION before the mediation ended). */
  async rate(p: PartyPrincipal, body: RatingDto): Promise<PartyRatingDto> {
    await this.ds.transaction(async (m) => {
      const { kase } = await this.caseAndParties(m, p);
      if (!mediationEnded(kase.status))
        throw new DomainError('ILLEGAL_TRANSITION', '调解结束后才能评价', undefined, { status: kase.status });
      const now = this.clock.now();
      const comment = body.comment?.trim() || null;
      // The groups of the statistics (DEFINITIONS.groups): the handling mediator and their organization.
      const [handler] = kase.assigneeId
        ? ((await m.query('SELECT organization_id AS "organizationId" FROM users WHERE id = $1', [kase.assigneeId])) as {
            organizationId: string | null;
          }[])
        : [];
      const organizationId = handler?.organizationId ?? kase.delegatedOrganizationId;
      const inserted = (await m.query(
        `INSERT INTO party_ratings (party_id, case_id, court_id, organization_id, mediator_id, score, comment, rated_at, rated_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (party_id) DO NOTHING RETURNING id`,
        [p.id, kase.id, kase.courtId, organizationId, kase.assigneeId, body.score, comment, now, chinaDateOf(now)],
      )) as unknown[];
      if (inserted.length === 0) throw new DomainError('DUPLICATE', '您已评价过本案', undefined, { reason: 'already_rated' });
      // The comment stays out of the trail (statistics never show it with a name); the score is the event.
      await this.audit.append(m, {
        caseId: kase.id,
        type: 'party.rated',
        at: now,
        actor: null,
        data: { partyId: p.id, score: body.score, withComment: comment !== null },
      });
    });
    return this.rating(p);
  }
}
