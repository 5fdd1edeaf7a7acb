import { ApiProperty } from '@nestjs/swagger';
import type { Case } from '../case-records/case.entity.js';
import type { Party } from '../case-records/party.entity.js';
import type { PartyConsent } from '../case-records/party-consent.entity.js';
import { ConsentResponseDto } from './party-auth.dto.js';
import { maskIdNumber } from '../rules/id-number.js';

export class PartyCasePartyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['applicant', 'respondent'] })
  role: 'applicant' | 'respondent';

  @ApiProperty({ enum: ['person', 'organization'] })
  kind: 'person' | 'organization';

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'true for the signed-in party' })
  self: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Full only for the signed-in party; the other side masked (first 6, last 4)' })
  idNumber: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Full only for the signed-in party; the other side masked' })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Only for the signed-in party' })
  address: string | null;
}

export class PartyCaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty()
  status: string;

  @ApiProperty()
  disputeType: string;

  @ApiProperty({ type: [String] })
  claims: string[];

  @ApiProperty({ format: 'date' })
  receivedOn: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  mediationEndsOn: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: '司法确认申请期限（30日）' })
  confirmationApplyBy: string | null;

  @ApiProperty({ type: [PartyCasePartyDto] })
  parties: PartyCasePartyDto[];

  @ApiProperty({ type: ConsentResponseDto, nullable: true, description: 'The signed-in party’s own consent, once given' })
  consent: ConsentResponseDto | null;
}

const maskPhone = (phone: string | null) => (phone ? phone.replace(/\d(?=\d{4})/g, (d, i: number) => (i < 3 ? d : '*')) : null);

/** The case as one party sees it: their own data in full, the other side's personal data masked. */
export function partyCaseView(kase: Case, parties: Party[], selfId: string, consent: PartyConsent | null = null): PartyCaseDto {
  return {
    consent: consent
      ? {
          mediation: consent.mediation,
          electronicService: consent.electronicService,
          serviceAddress: consent.serviceAddress,
          consentedAt: consent.consentedAt.toISOString(),
        }
      : null,
    id: kase.id,
    caseNumber: kase.caseNumber,
    status: kase.status,
    disputeType: kase.disputeType,
    claims: kase.claims,
    receivedOn: kase.receivedOn,
    mediationEndsOn: kase.mediationEndsOn,
    confirmationApplyBy: kase.confirmationApplyBy,
    parties: [...parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => {
        const self = p.id === selfId;
        const id = p.kind === 'person' ? p.idNumber : p.creditCode;
        return {
          id: p.id,
          role: p.role,
          kind: p.kind,
          name: p.name,
          self,
          idNumber: self || p.kind === 'organization' ? id : id ? maskIdNumber(id) : null,
          phone: self ? p.phone : maskPhone(p.phone),
          address: self ? p.address : null,
        };
      }),
  };
}
