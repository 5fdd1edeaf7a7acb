import { Body, Controller, Get, HttpCode, type MessageEvent, Post, Query, Res, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseView } from '../cases/dto/case-responses.js';
import { ApiErrors, ApiFileResponse } from '../common/api-docs.js';
import { OverduePage, QueueFiguresView, QueuePage } from './dto/queue-responses.js';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AuthUser, SessionToken } from '../auth/auth-user.js';
import { CurrentToken, CurrentUser, Roles } from '../auth/decorators.js';
import { FiguresQuery, PagedQuery, QueueNextDto, QueueQuery } from './dto/queue.dto.js';
import { QueueEventsService } from './queue-events.service.js';
import { QueueOversightService } from './queue-oversight.service.js';
import { QueueService } from './queue.service.js';

@ApiTags('queue')
@ApiBearerAuth()
@Controller('queue')
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly oversight: QueueOversightService,
    private readonly events: QueueEventsService,
  ) {}

  @Get()
  @Roles('mediator')
  @ApiOperation({
    operationId: 'listQueue',
    summary: '待接收案件队列',
    description:
      'Unclaimed cases the caller may claim, most urgent first (acceptBy, then receivedOn); optional dispute type and region filters',
  })
  @ApiOkResponse({ type: QueuePage })
  list(@CurrentUser() user: AuthUser, @Query() q: QueueQuery) {
    return this.queue.list(user, q);
  }

  @Post('next')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'claimNext',
    summary: '接收下一件',
    description: 'Claim the most urgent eligible case in one statement (FOR UPDATE SKIP LOCKED); 409 WORKLOAD_CAP at the court’s cap',
  })
  @ApiErrors(409)
  @ApiOkResponse({ type: CaseView, description: 'The claimed case, now in_mediation with the caller as assignee' })
  @ApiNoContentResponse({ description: 'No eligible case is waiting' })
  async next(@CurrentUser() user: AuthUser, @Body() dto: QueueNextDto, @Res({ passthrough: true }) res: Response) {
    const claimed = await this.queue.next(user, dto);
    if (!claimed) res.status(204);
    return claimed ?? undefined;
  }

  @Sse('stream')
  @Roles('mediator')
  @ApiOperation({
    operationId: 'streamQueue',
    summary: '队列实时事件',
    description:
      'Server-Sent Events for open queues: claimed, released, delegated, declined, withdrawn ({caseId, scope, organizationId, at}); ' +
      '`ready` on connect, `resync` after a lost database connection (reload the queue), a comment heartbeat every 15 s. ' +
      'The stream ends when its token expires. EventSource cannot send headers: pass ?access_token=',
  })
  @ApiFileResponse(['text/event-stream'], 'Server-Sent Events')
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource' })
  stream(@CurrentUser() user: AuthUser, @CurrentToken() token: SessionToken): Observable<MessageEvent> {
    return this.events.streamFor(user, token.expiresAt);
  }

  @Get('overdue')
  @Roles('clerk', 'admin')
  @ApiOperation({
    operationId: 'listOverdue',
    summary: '超期未接收案件',
    description: 'Delegated cases still unclaimed after acceptBy (在线调解规则第十二条), with waitingDays and daysPastAcceptBy',
  })
  @ApiOkResponse({ type: OverduePage })
  overdue(@CurrentUser() user: AuthUser, @Query() q: PagedQuery) {
    return this.oversight.overdue(user, q);
  }

  @Get('figures')
  @Roles('clerk', 'admin', 'statistician')
  @ApiOperation({
    operationId: 'getQueueFigures',
    summary: '调解员接收统计',
    description: 'Per-mediator queue figures from the audit trail: claims, releases, declines, average age at claim (hours)',
  })
  @ApiOkResponse({ type: QueueFiguresView })
  figures(@CurrentUser() user: AuthUser, @Query() q: FiguresQuery) {
    return this.oversight.figures(user, q);
  }
}
