import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CaseActionsService } from './case-actions.service.js';
import { CasesService } from './cases.service.js';
import {
  AgreementDto,
  CaseListQuery,
  ConfirmationApplyDto,
  DecisionDto,
  DelegateDto,
  ExtensionDto,
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
  ) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: 'Register a dispute (立案登记); numbers it gaplessly per court, type and year' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto) {
    return this.cases.create(user, dto);
  }

  @Get()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({ summary: 'Cases visible to the caller (mediators: their own and their queue; court roles: their court)' })
  list(@CurrentUser() user: AuthUser, @Query() q: CaseListQuery) {
    return this.cases.list(user, q);
  }

  @Get(':id')
  @Roles('clerk', 'judge', 'admin', 'mediator')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.get(user, id);
  }

  @Get(':id/events')
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({ summary: "The case's hash-chained audit trail, in order" })
  events(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.cases.events(user, id);
  }

  @Get(':id/parties/:partyId')
  @Roles('clerk', 'judge')
  @ApiOperation({ summary: 'Unmasked party particulars; every read is audited' })
  party(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('partyId', ParseUUIDPipe) partyId: string) {
    return this.cases.partyUnmasked(user, id, partyId);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'registered → delegated: to an organization, a named mediator, or (neither) the court-wide queue' })
  delegate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DelegateDto) {
    return this.actions.delegate(user, id, dto);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({ summary: 'delegated → in_mediation; 409 ALREADY_CLAIMED for the second claimer' })
  claim(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionedDto) {
    return this.actions.claim(user, id, dto.version);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({ summary: 'in_mediation → delegated (back to the queue it came from), with a reason' })
  release(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.actions.release(user, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({ summary: 'The named mediator declines with a reason: delegated → registered (在线调解规则第十二条)' })
  decline(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.actions.decline(user, id, dto);
  }

  @Post(':id/sessions')
  @Roles('mediator')
  @ApiOperation({ summary: 'Record a mediation session (调解笔录); 201' })
  session(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SessionDto) {
    return this.actions.recordSession(user, id, dto);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({ summary: "Extend the mediation period with all parties' consent" })
  extend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtensionDto) {
    return this.actions.extend(user, id, dto);
  }

  @Post(':id/agreement')
  @HttpCode(200)
  @Roles('mediator')
  @ApiOperation({ summary: 'in_mediation → agreed; issues the 人民调解协议书' })
  agree(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AgreementDto) {
    return this.actions.agree(user, id, dto);
  }

  @Post(':id/agreement/preview')
  @HttpCode(200)
  @Roles('mediator')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The 人民调解协议书 this agreement would issue, validated like the real action; nothing is saved' })
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
  @ApiOperation({ summary: '→ withdrawn (applicant_withdrew) or failed; issues the 调解终结记录' })
  terminate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TerminationDto) {
    return this.actions.terminate(user, id, dto);
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'agreed → confirmation_pending within 30 days of the agreement (民诉法第二百零五条)' })
  applyForConfirmation(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmationApplyDto) {
    return this.actions.applyForConfirmation(user, id, dto);
  }

  @Post(':id/confirmation/decision/preview')
  @HttpCode(200)
  @Roles('judge')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The 民事裁定书 this decision would issue; nothing is saved' })
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
  @ApiOperation({ summary: '→ confirmed or confirmation_rejected (grounds required); issues the 民事裁定书' })
  decide(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto) {
    return this.actions.decide(user, id, dto);
  }
}
