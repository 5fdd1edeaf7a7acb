import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { PageMeta, instant, uuid } from '../common/api-docs.js';
import { PageQuery, pageOf } from '../common/pagination.js';
import { SmsOutboxMessage } from '../sms/sms-outbox.entity.js';

export class SmsOutboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only messages to this phone (digits)', example: '13800000000' })
  @IsOptional()
  @Matches(/^\d{5,20}$/)
  phone?: string;
}

export class SmsOutboxItem {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '13800000000' }) phone: string;
  @ApiProperty() text: string;
  @ApiProperty({ example: 'party_sign_in' }) purpose: string;
  @ApiProperty(uuid({ nullable: true })) caseId: string | null;
  @ApiProperty(instant()) sentAt: string;
}

export class SmsOutboxPage extends PageMeta {
  @ApiProperty({ type: [SmsOutboxItem] }) items: SmsOutboxItem[];
}

/** The `outbox` SMS gateway's messages (SMS_GATEWAY=outbox, never in production): demos and tests work offline. */
@ApiTags('party')
@ApiBearerAuth()
@Controller('admin/sms-outbox')
export class SmsOutboxController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    operationId: 'listSmsOutbox',
    summary: '短信发件箱（演示与测试用）',
    description: 'Messages the outbox gateway kept for this court, newest first (sign-in codes, reminders).',
  })
  @ApiOkResponse({ type: SmsOutboxPage })
  async list(@CurrentUser() user: AuthUser, @Query() q: SmsOutboxQuery): Promise<SmsOutboxPage> {
    const qb = this.ds
      .getRepository(SmsOutboxMessage)
      .createQueryBuilder('s')
      .where('s.courtId = :courtId', { courtId: user.courtId })
      .orderBy('s.sentAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    if (q.phone) qb.andWhere('s.phone = :phone', { phone: q.phone });
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(
      rows.map((r) => ({ id: r.id, phone: r.phone, text: r.text, purpose: r.purpose, caseId: r.caseId, sentAt: r.sentAt.toISOString() })),
      total,
      q,
    );
  }
}
