import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsCreditCode, IsMoney, IsPhone, IsResidentId, NotBlank } from '../../common/validators.js';

export class PartyInput {
  @ApiProperty({ enum: ['applicant', 'respondent'] })
  @IsIn(['applicant', 'respondent'])
  role: 'applicant' | 'respondent';

  @ApiProperty({ enum: ['person', 'organization'] })
  @IsIn(['person', 'organization'])
  kind: 'person' | 'organization';

  @ApiProperty({ example: '刘小富', minLength: 1, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @NotBlank()
  name: string;

  @ApiPropertyOptional({ description: 'Persons: 18-character resident ID (GB 11643 check digit)', example: '52038119900101123X' })
  @ValidateIf((p: PartyInput) => p.kind === 'person')
  @IsString()
  @IsResidentId()
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Organizations: 18-character unified social credit code (GB 32100)' })
  @ValidateIf((p: PartyInput) => p.kind === 'organization')
  @IsString()
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional({ description: 'Organizations: legal representative / person in charge' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NotBlank()
  representative?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class CreateCaseDto {
  @ApiPropertyOptional({ enum: ['pre_litigation', 'entrusted'], description: "The court's default track when omitted" })
  @IsOptional()
  @IsIn(['pre_litigation', 'entrusted'])
  track?: 'pre_litigation' | 'entrusted';

  @ApiPropertyOptional({ enum: ['ordinary', 'simple'], description: 'Entrusted track: 15 (ordinary) or 7 (simple) days' })
  @IsOptional()
  @IsIn(['ordinary', 'simple'])
  procedure?: 'ordinary' | 'simple';

  @ApiProperty({ example: 'sale_contract', description: 'A code from GET /api/dispute-types' })
  @IsString()
  @MaxLength(40)
  disputeType: string;

  @ApiProperty({
    example: '120000.00',
    description: 'Yuan, string or number with at most 2 decimals',
    oneOf: [
      { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$' },
      { type: 'number', minimum: 0 },
    ],
  })
  @IsMoney()
  claimAmount: string | number;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  summary: string;

  @ApiProperty({ type: [String], example: ['请求被申请人支付货款120000元'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @NotBlank({ each: true })
  claims: string[];

  @ApiPropertyOptional({ format: 'date', example: '2026-11-20', description: 'Not in the future; today (China time) when omitted' })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string;

  @ApiProperty({ example: true, description: 'Must be true: mediation needs the parties’ consent' })
  @IsBoolean()
  @Equals(true)
  consentToMediation: boolean;

  @ApiProperty({ type: [PartyInput] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties: PartyInput[];
}
