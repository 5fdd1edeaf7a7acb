import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '../common/validators.js';

export class SignAgreementDto {
  @ApiProperty({ example: 'c6d56e82635a74cb3abe75a7ed43eaa878cf0c997ce4c202f00432457ba74dc2', description: 'sha256 of the PDF reviewed' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/)
  documentSha256: string;

  @ApiProperty({ example: '123456', description: 'A fresh code from POST /api/party/agreement/request-code' })
  @IsString()
  @Matches(/^\d{6}$/)
  code: string;
}

export class RefuseAgreementDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: '付款期限太长，不同意' })
  @IsString()
  @IsNotEmpty()
  @NotBlank()
  @MaxLength(1000)
  reason: string;
}

export class RatingDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: '1 很不满意 … 5 非常满意' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class PartySignerDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({ enum: ['applicant', 'respondent'] }) role: 'applicant' | 'respondent';
  @ApiProperty() name: string;
  @ApiProperty({ description: 'true for the signed-in party' }) self: boolean;
  @ApiProperty({ enum: ['signed', 'refused', 'pending'] }) status: 'signed' | 'refused' | 'pending';
  @ApiProperty({ enum: ['online', 'paper'], nullable: true, type: String }) method: 'online' | 'paper' | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) signedAt: string | null;
}

export class PartyRefusalDto {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) refusedAt: string;
}

/** The agreement as the signed-in party sees it: what to sign, who has signed. */
export class PartyAgreementDto {
  @ApiProperty({ enum: ['none', 'awaiting_signatures', 'effective'] }) status: 'none' | 'awaiting_signatures' | 'effective';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The PDF to review (awaiting) or the signed version (effective)',
  })
  documentId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'sha256 of that PDF: what a signature binds to' })
  documentSha256: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) issuedAt: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) effectiveOn: string | null;
  @ApiProperty({ description: 'The PDF was served on this party (consent to electronic service), so they can read and sign it online' })
  served: boolean;
  @ApiProperty({ description: 'The signed-in party may sign now' }) canSign: boolean;
  @ApiProperty({ type: [PartySignerDto] }) signers: PartySignerDto[];
  @ApiProperty({ type: PartyRefusalDto, nullable: true }) myRefusal: PartyRefusalDto | null;
}

/** The joint application for judicial confirmation (民诉解释 Art. 351–353) from the party's side. */
export class PartyConfirmationDto {
  @ApiProperty({ description: 'The case can be confirmed by the court (pre-litigation track, agreement in effect)' }) eligible: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: '申请期限: the last day of the 30-day window' })
  applyBy: string | null;
  @ApiProperty({ description: 'The window has not run out' }) withinWindow: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) joinedAt: string | null;
  @ApiProperty({ type: 'integer' }) joinedCount: number;
  @ApiProperty({ type: 'integer' }) partyCount: number;
  @ApiProperty({ description: 'The clerk has filed the application' }) filed: boolean;
  @ApiProperty({ nullable: true, type: String }) confirmationCaseNumber: string | null;
}

export class PartyRatingDto {
  @ApiProperty({ description: 'The mediation has ended, so it can be rated' }) canRate: boolean;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 }) score: number | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) ratedAt: string | null;
}
