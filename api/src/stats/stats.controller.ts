import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/api-docs.js';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BulletinService } from './bulletin.service.js';
import { BreakdownQuery, BulletinQuery, ExportQuery, LitigationRateQuery, RankingQuery, StatsQuery } from './dto/stats.dto.js';
import { BreakdownResponse, DEFINITIONS, LitigationRateResponse, RankingResponse, StatsSummary } from './dto/stats-responses.js';
import { contentDisposition, StatsExportService } from './stats-export.service.js';
import { StatsService } from './stats.service.js';

const PERIODS =
  'Counting rules (one definition per figure, used by every report): received, and the current-status counts delegated / inMediation, ' +
  'by received date; agreed / failed / withdrawn, the rates, average days and savings by the date mediation ended (a case ends when it ' +
  'leaves in_mediation); confirmed / confirmationRejected by the ruling date. Reads pre-aggregated rollups kept in the same ' +
  'transaction as every case change. No party data. 400 VALIDATION_FAILED for a bad date or from > to.';

@ApiTags('stats')
@ApiBearerAuth()
@Roles('statistician', 'judge', 'admin')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly exports: StatsExportService,
    private readonly bulletins: BulletinService,
  ) {}

  @Get('summary')
  @ApiOperation({
    operationId: 'getStatsSummary',
    summary: '统计汇总',
    description: 'Figures of the caller’s court for a period' + '\n\n' + `${PERIODS}\n\n${Object.values(DEFINITIONS).join('\n')}`,
  })
  @ApiOkResponse({ type: StatsSummary })
  async summary(@CurrentUser() user: AuthUser, @Query() q: StatsQuery) {
    return this.stats.summary(user, { ...q, basis: await this.stats.basisOf(user.courtId, q.basis) });
  }

  @Get('breakdown')
  @ApiOperation({
    operationId: 'getStatsBreakdown',
    summary: '分组统计',
    description: 'The same figures per organization, mediator, month or dispute type' + '\n\n' + `${PERIODS}\n\n${DEFINITIONS.groups}`,
  })
  @ApiOkResponse({ type: BreakdownResponse })
  async breakdown(@CurrentUser() user: AuthUser, @Query() q: BreakdownQuery) {
    return this.stats.breakdown(user, { ...q, basis: await this.stats.basisOf(user.courtId, q.basis) });
  }

  @Get('ranking')
  @ApiOperation({
    operationId: 'getStatsRanking',
    summary: '红黑榜',
    description: '红黑榜: monthly ranking of mediation organizations (on-time rate, success rate, average days)',
  })
  @ApiOkResponse({ type: RankingResponse })
  ranking(@CurrentUser() user: AuthUser, @Query() q: RankingQuery) {
    return this.stats.ranking(user, q);
  }

  @Get('litigation-rate')
  @ApiOperation({ summary: '万人起诉率 per year from the court’s population settings', description: DEFINITIONS.litigationRate })
  @ApiOkResponse({ type: LitigationRateResponse })
  @ApiOperation({ operationId: 'getLitigationRate', summary: '万人起诉率' })
  litigationRate(@CurrentUser() user: AuthUser, @Query() q: LitigationRateQuery) {
    return this.stats.litigationRate(user, q);
  }

  @Get('export')
  @ApiOperation({
    operationId: 'exportStats',
    summary: '导出统计',
    description:
      'The figures as a file: xlsx (figures, cases behind them with their fee basis, definitions) or csv (the breakdown)' +
      '\n\n' +
      'Streams the file; every export is recorded in the audit trail (system stream). No party data.',
  })
  @ApiFileResponse(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'], 'xlsx or csv, by `format`')
  async export(@CurrentUser() user: AuthUser, @Query() q: ExportQuery, @Res() res: Response): Promise<void> {
    const file = await this.exports.prepare(user, { ...q, basis: await this.stats.basisOf(user.courtId, q.basis) });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.asciiName, file.filename));
    res.setHeader('Cache-Control', 'no-store');
    await file.write(res);
  }

  @Get('bulletin')
  @ApiOperation({
    operationId: 'getBulletin',
    summary: '月度通报',
    description: '月度通报: monthly bulletin PDF with charts (trend, savings, ranking), from the same figures as the reports',
  })
  @ApiFileResponse(['application/pdf'], 'The bulletin PDF')
  async bulletin(@CurrentUser() user: AuthUser, @Query() q: BulletinQuery, @Res() res: Response): Promise<void> {
    const { pdf, filename, asciiName } = await this.bulletins.render(user, {
      ...q,
      basis: await this.stats.basisOf(user.courtId, q.basis),
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(asciiName, filename));
    res.setHeader('Cache-Control', 'no-store');
    res.end(pdf);
  }
}
