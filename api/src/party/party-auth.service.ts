import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AccessTokenClaims, PartyPrincipal } from '../auth/auth-user.js';
import { Case } from '../case-records/case.entity.js';
import { Party } from '../case-records/party.entity.js';
import { DomainError } from '../common/domain-error.js';
import { SmsGateway } from '../sms/sms-gateway.js';
import { ElectronicService } from '../documents/electronic-service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { PartyCode } from './party-code.entity.js';
import { PartyConsent } from '../case-records/party-consent.entity.js';
import type { ConsentDto, ConsentResponseDto, PartyTokenResponseDto } from './party-auth.dto.js';
import { type PartyCaseDto, partyCaseView } from './party-case.js';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
/** Codes per phone and per case within an hour (DB-backed, so it holds across instances). */
export const MAX_CODES_PER_HOUR_PER_PHONE = 5;
export const MAX_CODES_PER_HOUR_PER_CASE = 20;
const PARTY_TOKEN_TTL_SECONDS = 2 * 3600;

export const digitsOnly = (phone: string) => phone.replace(/\D/g, '');
const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

@Injectable()
export class PartyAuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly sms: SmsGateway,
    private readonly audit: AuditService,
    private readonly service: ElectronicService,
    private readonly documents: DocumentsService,
  ) {}

  /** Always succeeds to the caller (202): whether the pair exists is never revealed. */
  async requestCode(caseNumber: string, rawPhone: string, purpose = 'party_sign_in'): Promise<void> {
    const phone = digitsOnly(rawPhone);
    if (!phone) return;
    await this.ds.transaction(async (m) => {
      const kase = await m.getRepository(Case).findOne({ where: { caseNumber: caseNumber.trim() } });
      if (!kase) return;
      // Serialise code requests per case so the counts below hold under concurrency.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`party-code:${kase.id}`]);
      const since = new Date(Date.now() - 3600_000);
      const [{ byPhone, byCase }] = (await m.query(
        `SELECT count(*) FILTER (WHERE phone = $2)::int AS "byPhone", count(*)::int AS "byCase"
           FROM party_codes WHERE case_id = $1 AND created_at > $3`,
        [kase.id, phone, since],
      )) as { byPhone: number; byCase: number }[];
      const [{ phoneAll }] = (await m.query(`SELECT count(*)::int AS "phoneAll" FROM party_codes WHERE phone = $1 AND created_at > $2`, [
        phone,
        since,
      ])) as { phoneAll: number }[];
      if (byPhone >= MAX_CODES_PER_HOUR_PER_PHONE || phoneAll >= MAX_CODES_PER_HOUR_PER_PHONE * 2 || byCase >= MAX_CODES_PER_HOUR_PER_CASE)
        return;
      const parties = await m.getRepository(Party).find({ where: { caseId: kase.id } });
      const party = parties.find((p) => p.phone && digitsOnly(p.phone) === phone) ?? null;
      const id = randomUUID();
      const now = new Date();
      const code = party ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
      await m.getRepository(PartyCode).insert({
        id,
        caseId: kase.id,
        partyId: party?.id ?? null,
        phone,
        purpose,
        codeHash: code ? hashCode(id, code) : null,
        attempts: 0,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        usedAt: null,
      });
      if (!party || !code) return;
      await this.sms.send(
        {
          phone,
          text: `【${'人民法院'}】您的验证码为${code}，10分钟内有效，用于案件${kase.caseNumber}。请勿告诉他人。`,
          purpose,
          courtId: kase.courtId,
          caseId: kase.id,
        },
        m,
      );
      await this.audit.append(m, {
        caseId: kase.id,
        type: 'party.code_requested',
        at: now,
        actor: null,
        data: { partyId: party.id, purpose },
      });
    });
  }

  /** Checks the latest code of that party; 5 wrong tries lock it; a used code never works again. */
  async verify(caseNumber: string, rawPhone: string, code: string, purpose = 'party_sign_in'): Promise<{ party: Party; kase: Case }> {
    const phone = digitsOnly(rawPhone);
    const fail = () => new DomainError('UNAUTHENTICATED', '验证码错误或已失效，请重新获取');
    const result = await this.ds.transaction(async (m) => {
      const kase = await m.getRepository(Case).findOne({ where: { caseNumber: caseNumber.trim() } });
      if (!kase) return null;
      const row = await m
        .getRepository(PartyCode)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.case_id = :caseId AND c.phone = :phone AND c.purpose = :purpose AND c.code_hash IS NOT NULL', {
          caseId: kase.id,
          phone,
          purpose,
        })
        .orderBy('c.created_at', 'DESC')
        .limit(1)
        .getOne();
      const now = new Date();
      if (!row || !row.partyId || row.usedAt || row.expiresAt <= now || row.attempts >= MAX_ATTEMPTS) return null;
      const ok = timingSafeEqual(Buffer.from(hashCode(row.id, code)), Buffer.from(row.codeHash!));
      if (!ok) {
        await m.update(PartyCode, { id: row.id }, { attempts: row.attempts + 1 });
        await this.audit.append(m, {
          caseId: kase.id,
          type: 'party.code_failed',
          at: now,
          actor: null,
          data: { partyId: row.partyId, purpose },
        });
        return null;
      }
      await m.update(PartyCode, { id: row.id }, { usedAt: now, attempts: row.attempts + 1 });
      const party = await m.getRepository(Party).findOneOrFail({ where: { id: row.partyId } });
      await this.audit.append(m, {
        caseId: kase.id,
        type: purpose === 'party_sign_in' ? 'party.signed_in' : 'party.code_verified',
        at: now,
        actor: null,
        data: { partyId: party.id, purpose },
      });
      return { party, kase };
    });
    if (!result) throw fail();
    return result;
  }

  /**
   * A fresh code for a signed-in party's own action (signing the agreement): sent to the party's phone
   * on file, rate limited like sign-in codes (the same counters), 429 when the limit is reached.
   */
  async requestPartyCode(p: PartyPrincipal, purpose: string, text: (code: string, caseNumber: string) => string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const kase = await m.getRepository(Case).findOne({ where: { id: p.caseId } });
      const party = await m.getRepository(Party).findOne({ where: { id: p.id, caseId: p.caseId } });
      if (!kase || !party) throw new DomainError('NOT_FOUND', 'Case not found');
      const phone = party.phone ? digitsOnly(party.phone) : '';
      if (!phone) throw new DomainError('UNPROCESSABLE', '案件未登记您的手机号码，无法发送验证码，请联系调解员');
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`party-code:${kase.id}`]);
      const since = new Date(Date.now() - 3600_000);
      const [{ byPhone, byCase, phoneAll }] = (await m.query(
        `SELECT count(*) FILTER (WHERE case_id = $1 AND phone = $2)::int AS "byPhone",
                count(*) FILTER (WHERE case_id = $1)::int AS "byCase",
                count(*) FILTER (WHERE phone = $2)::int AS "phoneAll"
           FROM party_codes WHERE (case_id = $1 OR phone = $2) AND created_at > $3`,
        [kase.id, phone, since],
      )) as { byPhone: number; byCase: number; phoneAll: number }[];
      if (byPhone >= MAX_CODES_PER_HOUR_PER_PHONE || phoneAll >= MAX_CODES_PER_HOUR_PER_PHONE * 2 || byCase >= MAX_CODES_PER_HOUR_PER_CASE)
        throw new DomainError('RATE_LIMITED', '获取验证码过于频繁，请一小时后再试');
      const id = randomUUID();
      const now = new Date();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await m.getRepository(PartyCode).insert({
        id,
        caseId: kase.id,
        partyId: party.id,
        phone,
        purpose,
        codeHash: hashCode(id, code),
        attempts: 0,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        usedAt: null,
      });
      await this.sms.send({ phone, text: text(code, kase.caseNumber), purpose, courtId: kase.courtId, caseId: kase.id }, m);
      await this.audit.append(m, {
        caseId: kase.id,
        type: 'party.code_requested',
        at: now,
        actor: null,
        data: { partyId: party.id, purpose },
      });
    });
  }

  /**
   * Checks the party's latest code of `purpose`: only that party's code of that case counts (a code of
   * another case, another party or for sign-in never does); 5 wrong tries lock it; a used code never
   * works again. 400 `errors.code`: `wrong`, `locked` (the fifth wrong try and after) or `expired` (none, used or expired).
   */
  async verifyPartyCode(p: PartyPrincipal, code: string, purpose: string): Promise<void> {
    const outcome = await this.ds.transaction(async (m) => {
      const row = await m
        .getRepository(PartyCode)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.case_id = :caseId AND c.party_id = :partyId AND c.purpose = :purpose AND c.code_hash IS NOT NULL', {
          caseId: p.caseId,
          partyId: p.id,
          purpose,
        })
        .orderBy('c.created_at', 'DESC')
        .limit(1)
        .getOne();
      const now = new Date();
      if (!row || row.usedAt || row.expiresAt <= now) return 'expired' as const;
      if (row.attempts >= MAX_ATTEMPTS) return 'locked' as const;
      if (!/^\d{6}$/.test(code) || !timingSafeEqual(Buffer.from(hashCode(row.id, code)), Buffer.from(row.codeHash!))) {
        await m.update(PartyCode, { id: row.id }, { attempts: row.attempts + 1 });
        await this.audit.append(m, { caseId: p.caseId, type: 'party.code_failed', at: now, actor: null, data: { partyId: p.id, purpose } });
        return row.attempts + 1 >= MAX_ATTEMPTS ? ('locked' as const) : ('wrong' as const);
      }
      await m.update(PartyCode, { id: row.id }, { usedAt: now, attempts: row.attempts + 1 });
      await this.audit.append(m, { caseId: p.caseId, type: 'party.code_verified', at: now, actor: null, data: { partyId: p.id, purpose } });
      return 'ok' as const;
    });
    if (outcome === 'ok') return;
    const message = {
      wrong: '验证码错误，请重新输入',
      locked: '验证码错误次数过多，已失效，请重新获取',
      expired: '验证码已失效或已使用，请重新获取',
    }[outcome];
    throw new DomainError('VALIDATION_FAILED', message, { code: outcome });
  }

  async signIn(caseNumber: string, phone: string, code: string): Promise<PartyTokenResponseDto> {
    const { party, kase } = await this.verify(caseNumber, phone, code);
    const claims: AccessTokenClaims = {
      sub: party.id,
      jti: randomUUID(),
      tv: 0,
      user: { username: `party:${party.id}`, displayName: party.name, role: 'party' as never, courtId: kase.courtId, organizationId: null },
      party: { role: 'party', partyRole: party.role, caseId: kase.id, courtId: kase.courtId, name: party.name },
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: PARTY_TOKEN_TTL_SECONDS });
    return { accessToken, party: { id: party.id, role: party.role, name: party.name } };
  }

  /** The party's case (audited: a party's read of the case is an event of the case). */
  async caseOf(p: PartyPrincipal): Promise<PartyCaseDto> {
    return this.ds.transaction(async (m) => {
      const kase = await m.getRepository(Case).findOne({ where: { id: p.caseId } });
      if (!kase) throw new DomainError('NOT_FOUND', 'Case not found');
      const parties = await m.getRepository(Party).find({ where: { caseId: kase.id } });
      if (!parties.some((x) => x.id === p.id)) throw new DomainError('NOT_FOUND', 'Case not found');
      await this.audit.append(m, { caseId: kase.id, type: 'party.case_viewed', at: new Date(), actor: null, data: { partyId: p.id } });
      const consent = await m.getRepository(PartyConsent).findOne({ where: { partyId: p.id } });
      return partyCaseView(kase, parties, p.id, consent);
    });
  }

  /** Records (or renews) the party's consent; an audit event of the case. */
  async consent(p: PartyPrincipal, body: ConsentDto): Promise<ConsentResponseDto> {
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const row: PartyConsent = {
        partyId: p.id,
        caseId: p.caseId,
        mediation: body.mediation,
        electronicService: body.electronicService,
        serviceAddress: body.serviceAddress?.trim() || null,
        consentedAt: now,
      };
      await m.getRepository(PartyConsent).save(row);
      // 送达地址确认书: the consent and address as confirmed, issued (and verifiable) like every document.
      const kase = await m.getRepository(Case).findOneOrFail({ where: { id: p.caseId } });
      const confirmation = await this.documents.issue(m, 'service_address_confirmation', kase, now, { subjectPartyId: p.id });
      await this.audit.append(m, {
        caseId: p.caseId,
        type: 'party.consented',
        at: now,
        actor: null,
        data: {
          partyId: p.id,
          mediation: row.mediation,
          electronicService: row.electronicService,
          serviceAddress: row.serviceAddress !== null,
          documentId: confirmation.id,
        },
      });
      // What was issued before the consent is served now; later documents at their issue.
      if (row.electronicService) await this.service.serveCase(m, p.caseId, now);
      await this.service.serveOnParty(m, confirmation, p.id, now);
      return {
        mediation: row.mediation,
        electronicService: row.electronicService,
        serviceAddress: row.serviceAddress,
        consentedAt: now.toISOString(),
      };
    });
  }
}
