import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageMeta, calendarDate, instant, integer, uuid } from '../common/api-docs.js';
import { PageQuery } from '../common/pagination.js';
import { ORGANIZATION_KINDS } from '../organizations/organization.entity.js';
import { DISPUTE_TYPES } from '../rules/dispute-types.js';
import { ROSTER_STATUSES } from '../users/mediator-roster.entity.js';

const DISPUTE_CODES = DISPUTE_TYPES.map((d) => d.code);
const KINDS = ORGANIZATION_KINDS as unknown as string[];
const STATUSES = ROSTER_STATUSES as unknown as string[];

export class OrganizationAdminQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: '丙安镇人民调解委员会', minLength: 1, maxLength: 200, description: 'Unique within the court' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(KINDS)
  kind: string;

  @ApiProperty({ example: '丙安镇', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: '李主任 0851-22881234' })
  @IsOptional()
  @ValidateIf((o: CreateOrganizationDto) => o.contact !== null)
  @IsString()
  @MaxLength(200)
  contact?: string | null;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((o: UpdateOrganizationDto) => o.contact !== null)
  @IsString()
  @MaxLength(200)
  contact?: string | null;
}

export class AdminOrganizationView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '丙安镇人民调解委员会' }) name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiProperty({ example: '丙安镇' }) region: string;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty(integer({ minimum: 0, description: 'Mediators of the organization (any roster status)' })) mediatorCount: number;
  @ApiProperty(integer({ minimum: 0, description: 'Of them, active accounts on the active roster' })) activeMediatorCount: number;
  @ApiProperty(instant()) createdAt: string;
}

export class AdminOrganizationPage extends PageMeta {
  @ApiProperty({ type: [AdminOrganizationView] }) items: AdminOrganizationView[];
}

export class RosterQuery extends PageQuery {
  @ApiPropertyOptional(uuid())
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROSTER_STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Part of the username or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RosterAssessmentDto {
  @ApiProperty(integer({ minimum: 2000, maximum: 2100, example: 2025 }))
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ minLength: 1, maxLength: 1000, example: '年度考核合格，调解成功率 78%' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;
}

export class UpdateRosterDto {
  @ApiPropertyOptional(calendarDate({ nullable: true, description: '入册日期' }))
  @IsOptional()
  @ValidateIf((o: UpdateRosterDto) => o.admissionDate !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'admissionDate: YYYY-MM-DD' })
  admissionDate?: string | null;

  @ApiPropertyOptional({ enum: DISPUTE_CODES, isArray: true, description: 'Specialities (dispute-type codes)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(DISPUTE_CODES, { each: true })
  specialities?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['普通话', '赤水方言'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '13800000000' })
  @IsOptional()
  @ValidateIf((o: UpdateRosterDto) => o.phone !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({ enum: ROSTER_STATUSES, description: 'suspended or removed: no new cases; removal needs statusReason' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: 'active' | 'suspended' | 'removed';

  @ApiPropertyOptional({ maxLength: 200, description: 'Why suspended or removed (required for removed)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  statusReason?: string;

  @ApiPropertyOptional({
    description:
      'With status suspended or removed: true returns the mediator’s cases in mediation to their queues (one delegated to them by name to the court-wide queue); absent or false, they keep them',
  })
  @IsOptional()
  @IsBoolean()
  releaseOpenCases?: boolean;

  @ApiPropertyOptional({ type: [RosterAssessmentDto], description: 'Annual assessment notes (replaces the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RosterAssessmentDto)
  assessments?: RosterAssessmentDto[];
}

export class RosterAssessmentView {
  @ApiProperty(integer()) year: number;
  @ApiProperty() note: string;
}

export class MediatorRosterView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: 'm1' }) username: string;
  @ApiProperty({ example: '王调解' }) displayName: string;
  @ApiProperty(uuid({ nullable: true })) organizationId: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName: string | null;
  @ApiProperty({ description: 'The account may sign in' }) active: boolean;
  @ApiProperty(calendarDate({ nullable: true })) admissionDate: string | null;
  @ApiProperty({ type: [String], description: 'Dispute-type codes' }) specialities: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ROSTER_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: [RosterAssessmentView] }) assessments: RosterAssessmentView[];
  @ApiProperty(integer({ minimum: 0, description: 'Cases in mediation assigned to them (kept when suspended)' })) openCases: number;
}

export class MediatorRosterPage extends PageMeta {
  @ApiProperty({ type: [MediatorRosterView] }) items: MediatorRosterView[];
}
