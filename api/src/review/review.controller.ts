import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import { CaseView } from '../cases/dto/case-responses.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import {
  AcceptanceDto,
  ClosureDto,
  ConclusionDto,
  DecisionExtensionDto,
  MaterialsDto,
  ReviewFileResponseDto,
  SupplementDto,
  SupplementReceivedDto,
} from './review.dto.js';
import { ReviewService } from './review.service.js';

/** Every review action answers the updated case; 400/401/403/404 are declared for all operations (openapi.ts). */
const answersCase = (): MethodDecorator =>
  applyDecorators(ApiOkResponse({ type: CaseView, description: 'The updated case' }), ApiErrors(409));

/**
 * The judge's desk (issue 14): review file of a confirmation, the entrusted outcome, screening flags.
 * Every POST answers 200 with the updated case representation.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('cases/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review')
  @Roles('judge', 'clerk', 'admin')
  @ApiOperation({
    operationId: 'getReviewFile',
    description:
      'The judicial-confirmation review file: Art. 354 materials checklist, supplement requests, the decision clock from acceptance (+10-day extension, 30-day legal maximum) and 虚假调解 screening flags (advice only)',
    summary: '审查卷：材料清单、补交材料、审查期限、虚假调解筛查提示',
  })
  @ApiOkResponse({ type: ReviewFileResponseDto })
  file(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.review.file(user, id);
  }

  @Post('review/acceptance')
  @HttpCode(200)
  @Roles('judge', 'clerk')
  @ApiOperation({
    operationId: 'recordAcceptance',
    description:
      'Records the day the court accepted (受理) the confirmation application; the decision clock runs from it (2011 provisions Art. 5; CPL 187)',
    summary: '记录司法确认申请的受理日期（审查期限自受理起算）',
  })
  @answersCase()
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcceptanceDto) {
    return this.review.accept(user, id, dto);
  }

  @Post('review/materials')
  @HttpCode(200)
  @Roles('judge', 'clerk')
  @ApiOperation({
    operationId: 'updateMaterials',
    description: 'Marks each Art. 354 material as provided, missing or not applicable',
    summary: '更新材料清单（民诉法解释第三百五十四条）',
  })
  @answersCase()
  materials(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MaterialsDto) {
    return this.review.setMaterials(user, id, dto);
  }

  @Post('review/supplements')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'requestSupplement',
    description: '补交材料: asks the applicants for missing materials by a due date; the decision clock pauses until they are received',
    summary: '通知补交材料并设定期限（审查期限暂停）',
  })
  @answersCase()
  supplement(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SupplementDto) {
    return this.review.requestSupplement(user, id, dto);
  }

  @Post('review/supplements/received')
  @HttpCode(200)
  @Roles('judge', 'clerk')
  @ApiOperation({
    operationId: 'receiveSupplement',
    description: 'Records that the requested materials arrived; the decision clock resumes',
    summary: '记录补交材料已收到（审查期限恢复计算）',
  })
  @answersCase()
  received(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SupplementReceivedDto) {
    return this.review.receiveSupplement(user, id, dto);
  }

  @Post('review/extension')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'extendDecisionPeriod',
    description: 'Records the president’s approval of the one 10-day extension, counted from the rolled expiry',
    summary: '记录院长批准延长审查期限十日（仅一次）',
  })
  @answersCase()
  extend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionExtensionDto) {
    return this.review.extend(user, id, dto);
  }

  @Post('review/closure')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'closeConfirmation',
    description:
      'Ends the application by ruling: 不予受理 (Art. 355), 准许撤回 or 按撤回处理 (Art. 357); each ruling is rendered from its own template',
    summary: '裁定不予受理、准许撤回或按撤回处理（出具民事裁定书）',
  })
  @answersCase()
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ClosureDto) {
    return this.review.close(user, id, dto);
  }

  @Post('conclusion')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'concludeCase',
    description: 'An entrusted (民初) case whose mediation reached an agreement ends by 民事调解书 (CPL 100) or by 撤诉 → concluded',
    summary: '立案后委托调解达成协议：出具民事调解书或记录撤诉（→ concluded）',
  })
  @answersCase()
  conclude(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConclusionDto) {
    return this.review.conclude(user, id, dto);
  }
}
