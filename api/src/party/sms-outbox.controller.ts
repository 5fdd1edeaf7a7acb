import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { instant, uuid } from '../common/api-docs.js';
import { SmsOutboxMessage } from '../sms/sms-outbox.entity.js';

export class SmsOutboxQuery {
  @ApiPropertyOptional({ description: 'Only messages to this phone (digits)', example: '13800000000' })
  @IsOptional()
  @Matches(/^\d{5,20}$/)
  phone?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'How many of the newest messages' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class SmsOutboxItem {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '13800000000' }) phone: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'party_sign_in' }) purpose: string;
  @ApiProperty(uuid({ nullable: true })) caseId: string | null;
  @ApiProperty(instant()) sentAt: string;
}

/** The `outbox` SMS gateway's messages (SMS_GATEWAY=outbox, never in production): demos and tests work offline. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/sms-outbox')
export class SmsOutboxController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    operationId: 'listSmsOutbox',
    summary: '短信发件箱（演示与测试用）',
    description: 'Messages the outbox gateway kept for this court, newest first (sign-in codes, service notices, reminders).',
  })
  @ApiOkResponse({ type: [SmsOutboxItem], description: 'Newest first' })
  async list(@CurrentUser() user: AuthUser, @Query() q: SmsOutboxQuery): Promise<SmsOutboxItem[]> {
    const qb = this.ds
      .getRepository(SmsOutboxMessage)
      .createQueryBuilder('s')
      .where('s.courtId = :courtId', { courtId: user.courtId })
      .orderBy('s.sentAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(q.limit);
    if (q.phone) qb.andWhere('s.phone = :phone', { phone: q.phone });
    const rows = await qb.getMany();
    return rows.map((r) => ({
      id: r.id,
      phone: r.phone,
      text: r.text,
      purpose: r.purpose,
      caseId: r.caseId,
      sentAt: r.sentAt.toISOString(),
    }));
  }
}
