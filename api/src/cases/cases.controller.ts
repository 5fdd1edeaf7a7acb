import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../common/api-docs.js';
import { CaseEventView, CasePage, CaseView, PartyUnmaskedView } from './dto/case-responses.js';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { AgreementSigningService } from './agreement-signing.service.js';
import { CaseActionsService } from './case-actions.service.js';
import { CasesService } from './cases.service.js';
import {
  AgreementDto,
  CaseListQuery,
  ConfirmationApplyDto,
  DecisionDto,
  DelegateDto,
  ExtensionDto,
  PaperSignatureDto,
  ReasonDto,
  SessionDto,
  TerminationDto,
  VersionedDto,
} from './dto/actions.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(pdf);
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
    private readonly signing: AgreementSigningService,
  ) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({
    operationId: 'createCase',
    summary: '立案登记',
    description: 'Register a dispute (立案登记); numbers it gaplessly per court, type and year',
  })
  @ApiCreatedResponse({ type: CaseView, description: 'The registered case' })
  @ApiErrors(409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto) {
    return this.cases.create(user, dto);
  }

  @Get()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({
    operationId: 'listCases',
    summary: '案件列表',
    description: 'Cases visible to the caller (mediators: their own and their queue; court roles: their court)',
  })
  @ApiOkResponse({ type: CasePage })
  list(@CurrentUser() user: AuthUser, @Query() q: CaseListQuery) {
    return this.cases.list(user, q);
  }

  @Get(':id')
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({ operationId: 'getCase', summary: '案件详情', description: 'The case representation of the contract.' })
  @ApiOkResponse({ type: CaseView })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.get(user, id);
  }

  @Get(':id/events')
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({ operationId: 'listCaseEvents', summary: '案件审计记录', description: "The case's hash-chained audit trail, in order" })
  @ApiOkResponse({ type: [CaseEventView] })
  events(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.events(user, id);
  }

  @Get(':id/parties/:partyId')
  @Roles('clerk', 'judge')
  @ApiOperation({
    operationId: 'getPartyUnmasked',
    summary: '当事人完整身份信息',
    description: 'Unmasked party particulars; every read is audited',
  })
  @ApiOkResponse({ type: PartyUnmaskedView })
  party(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('partyId', ParseUUIDPipe) partyId: string) {
    return this.cases.partyUnmasked(user, id, partyId);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    operationId: 'delegateCase',
    summary: '委派调解',
    description: 'registered → delegated: to an organization, a named mediator, or (neither) the court-wide queue',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  delegate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DelegateDto) {
    return this.actions.delegate(user, id, dto);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'claimCase',
    summary: '接收案件',
    description: 'delegated → in_mediation; 409 ALREADY_CLAIMED for the second claimer',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  claim(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.actions.claim(user, id, dto.version);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'releaseCase',
    summary: '退回队列',
    description: 'in_mediation → delegated (back to the queue it came from), with a reason',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  release(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.actions.release(user, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'declineCase',
    summary: '拒绝接收',
    description: 'The named mediator declines with a reason: delegated → registered (在线调解规则第十二条)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.actions.decline(user, id, dto);
  }

  @Post(':id/sessions')
  @Roles('mediator')
  @ApiOperation({ operationId: 'recordSession', summary: '记录调解笔录', description: 'Record a mediation session (调解笔录); 201' })
  @ApiCreatedResponse({ type: CaseView, description: 'The case with the new session' })
  @ApiErrors(409)
  session(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SessionDto) {
    return this.actions.recordSession(user, id, dto);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'extendMediation',
    summary: '延长调解期限',
    description: "Extend the mediation period with all parties' consent",
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  extend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtensionDto) {
    return this.actions.extend(user, id, dto);
  }

  @Post(':id/agreement')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'recordAgreement',
    summary: '达成调解协议',
    description:
      'in_mediation → agreed with paper signatures (`signedAt`); with `"signatures":"online"` (no `signedAt`) the 人民调解协议书 is issued for online signature and the case stays in mediation until every party has signed (issuing again amends it and voids the signatures of the earlier PDF)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  agree(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AgreementDto) {
    return this.actions.agree(user, id, dto);
  }

  @Post(':id/agreement/signatures')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'attestPaperSignature',
    summary: '核实当事人纸质签名',
    description:
      'The handling mediator attests that one party signed the printed agreement issued for signature; with the last missing signature the agreement takes effect (→ agreed) and the signed version is issued. 409 DUPLICATE when that party already signed.',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  attestPaperSignature(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PaperSignatureDto) {
    return this.signing.attestPaper(user, id, dto);
  }

  @Post(':id/agreement/preview')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({
    operationId: 'previewAgreement',
    summary: '预览调解协议书',
    description: 'The 人民调解协议书 this agreement would issue, validated like the real action; nothing is saved',
  })
  @ApiFileResponse(['application/pdf'], 'The PDF the action would issue')
  @ApiErrors(409)
  async previewAgreement(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AgreementDto,
    @Res() res: Response,
  ) {
    sendPdf(res, await this.actions.preview(() => this.actions.agree(user, id, dto)), 'agreement-preview.pdf');
  }

  @Post(':id/termination')
  @HttpCode(200)
  @Roles('mediator', 'clerk')
  @ApiOperation({
    operationId: 'terminateMediation',
    summary: '终结调解',
    description: '→ withdrawn (applicant_withdrew) or failed; issues the 调解终结记录',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  terminate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TerminationDto) {
    return this.actions.terminate(user, id, dto);
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    operationId: 'applyForConfirmation',
    summary: '申请司法确认',
    description: 'agreed → confirmation_pending within 30 days of the agreement (民诉法第二百零五条)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409, 422)
  applyForConfirmation(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmationApplyDto) {
    return this.actions.applyForConfirmation(user, id, dto);
  }

  @Post(':id/confirmation/decision/preview')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'previewDecision',
    summary: '预览民事裁定书',
    description: 'The 民事裁定书 this decision would issue; nothing is saved',
  })
  @ApiFileResponse(['application/pdf'], 'The PDF the decision would issue')
  @ApiErrors(409)
  async previewDecision(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionDto,
    @Res() res: Response,
  ) {
    sendPdf(res, await this.actions.preview(() => this.actions.decide(user, id, dto)), 'ruling-preview.pdf');
  }

  @Post(':id/confirmation/decision')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    operationId: 'decideConfirmation',
    summary: '司法确认裁定',
    description: '→ confirmed or confirmation_rejected (grounds required); issues the 民事裁定书',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(409)
  decide(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto) {
    return this.actions.decide(user, id, dto);
  }
}
