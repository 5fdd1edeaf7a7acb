import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import {
  FollowupPageDto,
  FollowupQuery,
  FollowupRecordDto,
  FollowupRecordView,
  PerformanceDto,
  PerformanceResponseDto,
} from './followup.dto.js';
import { FollowupRecordsService } from './followup-records.service.js';
import { FollowupService } from './followup.service.js';

@ApiTags('followup')
@ApiBearerAuth()
@Controller()
export class FollowupController {
  constructor(
    private readonly followup: FollowupService,
    private readonly records: FollowupRecordsService,
  ) {}

  @Post('cases/:id/obligations/:obligationId/performance')
  @HttpCode(200)
  @Roles('mediator', 'clerk')
  @ApiOperation({
    operationId: 'recordPerformance',
    summary: '登记协议履行情况（已履行、部分履行、未履行、放弃）',
    description: 'Record the performance of one agreement term (an instalment paid, performed, defaulted or waived); audited and versioned',
  })
  @ApiOkResponse({ type: PerformanceResponseDto })
  @ApiErrors(400, 403, 404, 409)
  perform(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('obligationId', ParseUUIDPipe) obligationId: string,
    @Body() dto: PerformanceDto,
  ) {
    return this.followup.recordPerformance(user, id, obligationId, dto);
  }

  @Get('followups')
  @Roles('mediator', 'clerk', 'judge')
  @ApiOperation({
    operationId: 'listFollowups',
    summary: '回访工作台：即将到期或逾期未履行的协议义务',
    description:
      'Obligations due soon or overdue, most urgent first, with the party to call (mediators: their own cases; clerks and judges: their court)',
  })
  @ApiOkResponse({ type: FollowupPageDto })
  @ApiErrors(400)
  desk(@CurrentUser() user: AuthUser, @Query() q: FollowupQuery) {
    return this.followup.desk(user, q);
  }

  @Post('cases/:id/followup-records')
  @HttpCode(201)
  @Roles('mediator', 'clerk')
  @ApiOperation({
    operationId: 'recordFollowup',
    summary: '登记回访记录（人民调解法第三十一条第二款）',
    description:
      'Records a follow-up call or visit on a case with an agreement (the mediator handling it, or a clerk); audited and issued as the document followup_record (人民调解回访记录) with the payment evidence list',
  })
  @ApiCreatedResponse({ type: FollowupRecordView })
  @ApiErrors(400, 403, 404, 409)
  recordFollowup(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FollowupRecordDto) {
    return this.records.record(user, id, dto);
  }

  @Get('cases/:id/followup-records')
  @Roles('mediator', 'clerk', 'judge')
  @ApiOperation({
    operationId: 'listFollowupRecords',
    summary: '案件的回访记录',
    description: "The case's follow-up records, oldest first",
  })
  @ApiOkResponse({ type: [FollowupRecordView] })
  @ApiErrors(403, 404)
  listFollowups(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.records.list(user, id);
  }
}
