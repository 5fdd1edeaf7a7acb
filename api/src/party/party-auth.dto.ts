import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class RequestCodeDto {
  @ApiProperty({ example: '（2026）黔0381民诉前调1号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  caseNumber: string;

  @ApiProperty({ example: '13800000000' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  phone: string;
}

export class VerifyCodeDto extends RequestCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/)
  code: string;
}

export class PartySummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['applicant', 'respondent'] })
  role: 'applicant' | 'respondent';

  @ApiProperty()
  name: string;
}

export class PartyTokenResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ type: PartySummaryDto })
  party: PartySummaryDto;
}

export class ConsentDto {
  @ApiProperty({ description: '同意调解' })
  @IsBoolean()
  mediation: boolean;

  @ApiProperty({ description: '同意电子送达' })
  @IsBoolean()
  electronicService: boolean;

  @ApiProperty({ required: false, description: '送达地址' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  serviceAddress?: string;
}

export class ConsentResponseDto {
  @ApiProperty()
  mediation: boolean;

  @ApiProperty()
  electronicService: boolean;

  @ApiProperty({ nullable: true, type: String })
  serviceAddress: string | null;

  @ApiProperty({ format: 'date-time' })
  consentedAt: string;
}

/** The answer to a code request: the same whether or not a code was sent. */
export class CodeRequestAcceptedDto {
  @ApiProperty({ example: '如案号与手机号码一致，验证码已发送，10分钟内有效' })
  message: string;

  @ApiProperty({ type: 'integer', example: 600, description: 'How long a code is valid' })
  expiresInSeconds: number;
}

/** A document served on the signed-in party (电子送达). */
export class PartyDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'delegation_letter' }) kind: string;
  @ApiProperty({ example: '委派调解函' }) title: string;
  @ApiProperty({ type: String, nullable: true, description: 'sha256 of the PDF as issued (verify at /verify/{sha256})' }) sha256:
    string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was served electronically' }) servedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First download by the party' }) readAt: string | null;
}
