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
} from 'class-validator';
import { PageMeta, instant, integer, uuid } from '../common/api-docs.js';
import { PageQuery } from '../common/pagination.js';
import { FEE_ROUNDINGS, SAVINGS_BASES } from '../courts/court.entity.js';
import { DISPUTE_TYPES } from '../rules/dispute-types.js';
import { TRACK_CODES } from '../rules/tracks.js';
import { ROLES } from '../users/user.entity.js';

/** Usernames are stored in lower case; input may use capitals. */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9._-]{1,63}$/;
const DISPUTE_CODES = DISPUTE_TYPES.map((d) => d.code);

export class AdminUserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as unknown as string[])
  role?: string;

  @ApiPropertyOptional({ description: 'Part of the username or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: string;

  @ApiPropertyOptional(uuid({ description: 'Only mediators of this organization' }))
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'clerk3', pattern: USERNAME_PATTERN.source, description: 'A letter first; stored in lower case' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username: 2–64 characters, a letter first, then letters, digits, ".", "_" or "-"' })
  username: string;

  @ApiProperty({ example: '王书记员', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[])
  role: (typeof ROLES)[number];

  @ApiPropertyOptional(uuid({ description: 'Required for a mediator (their committee); not allowed for other roles' }))
  @ValidateIf((o: CreateUserDto) => o.organizationId !== undefined)
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: DISPUTE_CODES, isArray: true, description: 'A mediator’s specialities (dispute types)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(DISPUTE_CODES, { each: true })
  expertise?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional(uuid({ description: 'A mediator’s new organization; their open cases stay theirs unless releaseOpenCases' }))
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    description:
      'With a new organization: true returns the mediator’s cases in mediation to their queues (one delegated to them by name to the court-wide queue); absent or false, they stay theirs',
  })
  @IsOptional()
  @IsBoolean()
  releaseOpenCases?: boolean;

  @ApiPropertyOptional({ enum: DISPUTE_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(DISPUTE_CODES, { each: true })
  expertise?: string[];
}

export class AdminUserView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: 'clerk3' }) username: string;
  @ApiProperty({ example: '王书记员' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty(uuid({ nullable: true })) organizationId: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName: string | null;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Holds a one-time password not yet changed' }) mustChangePassword: boolean;
  @ApiProperty(integer({ minimum: 0, description: 'Cases in mediation assigned to them' })) openCases: number;
  @ApiProperty(instant()) createdAt: string;
}

export class AdminUserPage extends PageMeta {
  @ApiProperty({ type: [AdminUserView] }) items: AdminUserView[];
}

export class OneTimePasswordView {
  @ApiProperty({ type: AdminUserView }) user: AdminUserView;
  @ApiProperty({ description: 'Shown once; the user must change it at the first login', example: 'k7Qm-2xPa-9dLw' })
  initialPassword: string;
}

export class CourtSettingsView {
  @ApiProperty({ example: '赤水市人民法院' }) name: string;
  @ApiProperty({ example: '黔0381', description: '法院代字, part of every new case number' }) code: string;
  @ApiProperty({ enum: TRACK_CODES, description: 'Track of a case received without one (2025 regime: entrusted)' }) defaultTrack: string;
  @ApiProperty({ description: 'Whether 诉前委派调解 may still be chosen (its cases carry the regime warning)' })
  allowPreLitigation: boolean;
  @ApiProperty(integer({ minimum: 1, maximum: 1000 })) workloadCap: number;
  @ApiProperty(integer({ minimum: 1, maximum: 30, description: 'Working days to accept a delegation' })) acceptanceWindowDays: number;
  @ApiProperty(integer({ minimum: 0, maximum: 30, description: 'Working days before a due date the obligor is reminded' }))
  reminderLeadDays: number;
  @ApiProperty({ enum: SAVINGS_BASES }) savingsBasis: string;
  @ApiProperty({ enum: FEE_ROUNDINGS }) feeRounding: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://court.example.cn/verify' }) documentFooterUrl: string | null;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ pattern: '^[\\u4e00-\\u9fa5]\\d{2,4}$', example: '黔0381' })
  @IsOptional()
  @Matches(/^[\u4e00-\u9fa5]\d{2,4}$/, { message: 'code: one character and 2–4 digits, e.g. 黔0381' })
  code?: string;

  @ApiPropertyOptional({ enum: TRACK_CODES })
  @IsOptional()
  @IsIn(TRACK_CODES as unknown as string[])
  defaultTrack?: 'pre_litigation' | 'entrusted';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowPreLitigation?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  workloadCap?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  acceptanceWindowDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  reminderLeadDays?: number;

  @ApiPropertyOptional({ enum: SAVINGS_BASES })
  @IsOptional()
  @IsIn(SAVINGS_BASES as unknown as string[])
  savingsBasis?: 'half_fee' | 'full_fee';

  @ApiPropertyOptional({ enum: FEE_ROUNDINGS })
  @IsOptional()
  @IsIn(FEE_ROUNDINGS as unknown as string[])
  feeRounding?: 'fen' | 'yuan';

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'https URL, or null for PUBLIC_URL' })
  @IsOptional()
  @ValidateIf((o: UpdateSettingsDto) => o.documentFooterUrl !== null)
  @Matches(/^https?:\/\/[^\s]{3,190}$/, { message: 'documentFooterUrl: an http(s) URL' })
  documentFooterUrl?: string | null;
}

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'settings.changed', description: 'Event type, or its prefix ending in "." (user.)' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,60}$/)
  type?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;
}

export class ActivityActorView {
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
}

export class ActivityView {
  @ApiProperty(integer({ minimum: 1 })) seq: number;
  @ApiProperty({ example: 'settings.changed' }) type: string;
  @ApiProperty(instant()) at: string;
  @ApiProperty({ type: ActivityActorView }) actor: ActivityActorView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed (old and new values for settings)' })
  data: Record<string, unknown>;
}

export class ActivityPage extends PageMeta {
  @ApiProperty({ type: [ActivityView] }) items: ActivityView[];
}
