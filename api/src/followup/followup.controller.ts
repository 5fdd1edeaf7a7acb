import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { FollowupPageDto, FollowupQuery, PerformanceDto, PerformanceResponseDto } from './followup.dto.js';
import { FollowupService } from './followup.service.js';

@ApiTags('followup')
@ApiBearerAuth()
@Controller()
export class FollowupController {
  constructor(private readonly followup: FollowupService) {}

  @Post('cases/:id/obligations/:obligationId/performance')
  @HttpCode(200)
  @Roles('mediator', 'clerk')
  @ApiOperation({ summary: '登记协议履行情况（已履行、部分履行、未履行、放弃）' })
  @ApiOkResponse({ type: PerformanceResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: not the handling mediator' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'ILLEGAL_TRANSITION or VERSION_CONFLICT' })
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
  @ApiOperation({ summary: '回访工作台：即将到期或逾期未履行的协议义务' })
  @ApiOkResponse({ type: FollowupPageDto })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  desk(@CurrentUser() user: AuthUser, @Query() q: FollowupQuery) {
    return this.followup.desk(user, q);
  }
}
