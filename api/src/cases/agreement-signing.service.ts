import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Agreement, AgreementTerm } from '../case-records/agreement.entity.js';
import { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import type { Case } from '../case-records/case.entity.js';
import { Obligation, obligationsOfTerms } from '../case-records/obligation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { CaseTransitions, type PartyActor, type Step } from './case-transitions.service.js';
import type { CaseView } from './case-view.js';
import type { PaperSignatureDto } from './dto/actions.dto.js';

/** Allowed skew for a paper signature's reported time relative to our clock. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** The agreement issued for online signature and the PDF the parties sign. */
export interface SigningState {
  agreement: Agreement;
  document: DocumentRecord;
}

const notAwaiting = () =>
  new DomainError('ILLEGAL_TRANSITION', '本案没有等待签名的调解协议', undefined, { reason: 'no_agreement_awaiting_signature' });

/**
 * E-signature of the agreement (issue 16 item 4): each party signs the exact PDF issued for signature
 * (its sha256) online with a fresh SMS code, or the mediator attests a paper signature; a party may
 * refuse with a reason. Every answer is one `sign_agreement` transition under the case row lock, so
 * parallel signatures are serialised and the last one makes the agreement take effect (`agreed`,
 * `signedAt`, obligations, the signed PDF with each signature's time and short hash).
 */
@Injectable()
export class AgreementSigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly audit: AuditService,
  ) {}

  /** The agreement awaiting signatures and its PDF, or null. */
  async awaiting(m: EntityManager, caseId: string): Promise<SigningState | null> {
    const agreement = await m.findOne(Agreement, { where: { caseId } });
    if (!agreement || agreement.signatureMethod !== 'online' || agreement.signedAt || !agreement.signingDocumentId) return null;
    const document = await m.findOne(DocumentRecord, { where: { id: agreement.signingDocumentId } });
    return document ? { agreement, document } : null;
  }

  /** 409 unless `sha256` is the PDF now awaiting signature (checked before a code is spent, and again under the lock). */
  async assertCurrent(caseId: string, sha256: string, m: EntityManager = this.dataSource.manager): Promise<SigningState> {
    const state = await this.awaiting(m, caseId);
    if (!state) throw notAwaiting();
    if (!state.document.sha256 || state.document.sha256 !== sha256.toLowerCase()) {
      throw new DomainError(
        'STALE_DOCUMENT',
        '所签文书不是当前待签的调解协议（协议可能已修改），请重新查看协议后再签名',
        { documentSha256: 'not_current' },
        { currentSha256: state.document.sha256 },
      );
    }
    return state;
  }

  /** A party signs online; `verifyCode` (the fresh SMS code) has already been checked by the caller. */
  signOnline(party: PartyActor, documentSha256: string): Promise<CaseView> {
    return this.transitions.run(party, party.caseId, 'sign_agreement', undefined, {}, async (m, c, now) => {
      const state = await this.assertCurrent(c.id, documentSha256, m);
      await this.assertNotSigned(m, state, party.partyId);
      await this.insert(m, state, {
        partyId: party.partyId,
        method: 'online',
        outcome: 'signed',
        reason: null,
        at: now,
        attestedById: null,
      });
      return this.afterSignature(m, c, state, now, null, {
        type: 'agreement.signed',
        data: { partyId: party.partyId, method: 'online', documentId: state.document.id, documentSha256: state.document.sha256 },
      });
    });
  }

  /** A party refuses to sign, with a reason the mediator sees on the case. */
  refuse(party: PartyActor, reason: string): Promise<CaseView> {
    return this.transitions.run(party, party.caseId, 'sign_agreement', undefined, {}, async (m, c, now) => {
      const state = await this.awaiting(m, c.id);
      if (!state || !state.document.sha256) throw notAwaiting();
      await this.assertNotSigned(m, state, party.partyId);
      await this.insert(m, state, {
        partyId: party.partyId,
        method: 'online',
        outcome: 'refused',
        reason: reason.trim(),
        at: now,
        attestedById: null,
      });
      return {
        event: { type: 'agreement.refused', data: { partyId: party.partyId, documentId: state.document.id, reason: reason.trim() } },
      };
    });
  }

  /** The handling mediator attests that a party signed the printed agreement. */
  attestPaper(user: AuthUser, caseId: string, dto: PaperSignatureDto): Promise<CaseView> {
    return this.transitions.run(user, caseId, 'sign_agreement', dto.version, {}, async (m, c, now) => {
      if (c.assigneeId !== user.id) throw forbidden('Only the mediator handling this case may attest signatures');
      const state = await this.awaiting(m, c.id);
      if (!state || !state.document.sha256) throw notAwaiting();
      const party = await m.findOne(Party, { where: { id: dto.partyId, caseId: c.id } });
      if (!party) throw new DomainError('VALIDATION_FAILED', 'Not a party of this case', { partyId: 'not_a_party' });
      const at = new Date(dto.signedAt);
      if (at.getTime() > now.getTime() + FUTURE_SKEW_MS)
        throw new DomainError('VALIDATION_FAILED', 'signedAt is in the future', { signedAt: 'in_future' });
      if (state.agreement.issuedForSignatureAt && at < state.agreement.issuedForSignatureAt)
        throw new DomainError('VALIDATION_FAILED', 'signedAt is before the agreement was issued for signature', {
          signedAt: 'before_issue',
        });
      await this.assertNotSigned(m, state, party.id);
      await this.insert(m, state, { partyId: party.id, method: 'paper', outcome: 'signed', reason: null, at, attestedById: user.id });
      return this.afterSignature(m, c, state, now, user, {
        type: 'agreement.paper_signature_attested',
        data: { partyId: party.id, method: 'paper', signedAt: at.toISOString(), documentId: state.document.id },
      });
    });
  }

  private async assertNotSigned(m: EntityManager, state: SigningState, partyId: string): Promise<void> {
    if (await m.exists(AgreementSignature, { where: { documentId: state.document.id, partyId, outcome: 'signed' } })) {
      throw new DomainError('DUPLICATE', '您已签署该调解协议', undefined, { reason: 'already_signed' });
    }
  }

  private async insert(
    m: EntityManager,
    state: SigningState,
    row: Pick<AgreementSignature, 'partyId' | 'method' | 'outcome' | 'reason' | 'at' | 'attestedById'>,
  ): Promise<void> {
    await m.insert(AgreementSignature, {
      ...row,
      caseId: state.agreement.caseId,
      agreementId: state.agreement.id,
      documentId: state.document.id,
      documentSha256: state.document.sha256!,
    });
  }

  /**
   * After a signature: when every party has signed this PDF the agreement takes effect on the day of
   * the latest signature — the case is agreed, its obligations start and the signed version is issued.
   */
  private async afterSignature(
    m: EntityManager,
    c: Case,
    state: SigningState,
    now: Date,
    actor: AuthUser | null,
    event: Step['event'],
  ): Promise<Step> {
    const parties = await m.find(Party, { where: { caseId: c.id }, select: { id: true } });
    const signed = await m.find(AgreementSignature, { where: { documentId: state.document.id, outcome: 'signed' } });
    const signedBy = new Set(signed.map((s) => s.partyId));
    if (!parties.every((p) => signedBy.has(p.id))) return { event };
    await this.audit.append(m, { caseId: c.id, type: event.type, at: now, actor, data: event.data ?? {} });
    const signedAt = new Date(Math.max(...signed.map((s) => s.at.getTime())));
    const effectiveOn = chinaDateOf(signedAt);
    await m.update(Agreement, { id: state.agreement.id }, { signedAt, effectiveOn });
    const terms = await m.find(AgreementTerm, { where: { agreementId: state.agreement.id }, order: { position: 'ASC' } });
    await m.save(
      Obligation,
      obligationsOfTerms(c.courtId, c.id, terms).map((o) => m.create(Obligation, o)),
    );
    const totalFen = terms.reduce((s, t) => s + t.amountFen, 0n);
    return {
      detail: { completesSignatures: true },
      changes: { mediationEndedAt: now },
      event: {
        type: 'case.agreed',
        data: {
          effectiveOn,
          terms: terms.length,
          totalFen: totalFen.toString(),
          signatureMethod: 'online',
          signingDocumentId: state.document.id,
          signatures: signed.map((s) => ({ partyId: s.partyId, method: s.method, signedAt: s.at.toISOString() })),
        },
      },
      document: 'agreement',
    };
  }
}
