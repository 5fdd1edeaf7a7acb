import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ElectronicService } from '../documents/electronic-service.js';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../common/api-docs.js';
import type { PartyPrincipal } from '../auth/auth-user.js';
import { CurrentParty, PartyOnly, Public } from '../auth/decorators.js';
import {
  PartyDocumentDto,
  CodeRequestAcceptedDto,
  ConsentDto,
  ConsentResponseDto,
  PartySummaryDto,
  PartyTokenResponseDto,
  RequestCodeDto,
  VerifyCodeDto,
} from './party-auth.dto.js';
import { CODE_TTL_MS, PartyAuthService } from './party-auth.service.js';
import {
  PartyAgreementDto,
  PartyConfirmationDto,
  PartyRatingDto,
  RatingDto,
  RefuseAgreementDto,
  SignAgreementDto,
} from './party-participation.dto.js';
import { PartyParticipationService } from './party-participation.service.js';
import { PartyCaseDto } from './party-case.js';

@ApiTags('party')
@Controller('party')
export class PartyController {
  constructor(
    private readonly auth: PartyAuthService,
    private readonly service: ElectronicService,
    private readonly participation: PartyParticipationService,
  ) {}

  @Post('auth/request-code')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestPartyCode',
    summary: '当事人获取短信验证码',
    description:
      'Sends a 6-digit code (valid 10 minutes) to the phone when it is a party’s phone in that case. Always 202, so the answer never tells whether the pair exists; rate limited per phone and per case.',
  })
  @ApiAcceptedResponse({
    type: CodeRequestAcceptedDto,
    description: 'Accepted (a code was sent if the case number and phone belong together)',
  })
  async requestCode(@Body() body: RequestCodeDto): Promise<CodeRequestAcceptedDto> {
    await this.auth.requestCode(body.caseNumber, body.phone);
    return { message: '如案号与手机号码一致，验证码已发送，10分钟内有效', expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  @Post('auth/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyPartyCode',
    summary: '当事人凭验证码登录',
    description:
      'Exchanges the code for a party token scoped to that party of that case; 5 wrong codes lock it, a used code never works again.',
  })
  @ApiOkResponse({ type: PartyTokenResponseDto })
  @ApiErrors(401)
  verify(@Body() body: VerifyCodeDto): Promise<PartyTokenResponseDto> {
    return this.auth.signIn(body.caseNumber, body.phone, body.code);
  }

  @Get('me')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getPartyMe',
    summary: '当前登录的当事人',
    description: 'The party the token belongs to (staff tokens: 403).',
  })
  @ApiOkResponse({ type: PartySummaryDto })
  me(@CurrentParty() party: PartyPrincipal): PartySummaryDto {
    return { id: party.id, role: party.partyRole, name: party.name };
  }

  @Get('case')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getPartyCase',
    summary: '当事人查看本人案件',
    description: 'The case seen from the party’s side: their own ID number in full, the other side’s personal data masked. Audited.',
  })
  @ApiOkResponse({ type: PartyCaseDto })
  @ApiErrors(404)
  case(@CurrentParty() party: PartyPrincipal): Promise<PartyCaseDto> {
    return this.auth.caseOf(party);
  }

  @Post('consent')
  @PartyOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'recordPartyConsent',
    summary: '当事人确认同意调解、电子送达及送达地址',
    description: 'Records (or renews) consent to mediation and to electronic service with the service address (CPL 90); audited.',
  })
  @ApiOkResponse({ type: ConsentResponseDto })
  @ApiErrors(404)
  consent(@CurrentParty() party: PartyPrincipal, @Body() body: ConsentDto): Promise<ConsentResponseDto> {
    return this.auth.consent(party, body);
  }

  @Get('documents')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'listPartyDocuments',
    summary: '当事人查看已电子送达的文书',
    description:
      'Every document served on the signed-in party (after their consent to electronic service), with when it was served and first read.',
  })
  @ApiOkResponse({ type: [PartyDocumentDto] })
  documents(@CurrentParty() party: PartyPrincipal): Promise<PartyDocumentDto[]> {
    return this.service.servedOn(party.id, party.caseId);
  }

  @Get('documents/:id')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'downloadPartyDocument',
    summary: '当事人下载文书',
    description:
      'The served document as issued; the first download records readAt and a document.read event. 404 for a document not served on this party.',
  })
  @ApiFileResponse(['application/pdf'], 'The PDF as issued')
  async download(@CurrentParty() party: PartyPrincipal, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { pdf, filename, sha256 } = await this.service.readByParty(party.id, party.caseId, id, new Date());
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('ETag', `"${sha256}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(pdf);
  }

  @Get('agreement')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getPartyAgreement',
    summary: '当事人查看待签或已生效的调解协议',
    description:
      'The agreement PDF to review (id, sha256) while it awaits signatures, or the signed version; who has signed (names and times only).',
  })
  @ApiOkResponse({ type: PartyAgreementDto })
  @ApiErrors(404)
  agreement(@CurrentParty() party: PartyPrincipal): Promise<PartyAgreementDto> {
    return this.participation.agreement(party);
  }

  @Post('agreement/request-code')
  @PartyOnly()
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'requestPartySignatureCode',
    summary: '获取签署调解协议的短信验证码',
    description:
      'Sends a fresh 6-digit code (valid 10 minutes, 5 attempts) for signing to the party’s phone on file; a separate purpose from sign-in codes, rate limited with them (429). 409 when no agreement awaits signature or it was not served on the party.',
  })
  @ApiAcceptedResponse({ type: CodeRequestAcceptedDto })
  @ApiErrors(404, 409, 422, 429)
  async requestSignatureCode(@CurrentParty() party: PartyPrincipal): Promise<CodeRequestAcceptedDto> {
    await this.participation.requestSignatureCode(party);
    return { message: '验证码已发送至您登记的手机号码，10分钟内有效', expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  @Post('agreement/sign')
  @PartyOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'signPartyAgreement',
    summary: '当事人在线签署调解协议',
    description:
      'Signs the exact PDF reviewed (its sha256) with a fresh code. 409 STALE_DOCUMENT when the hash is not the agreement now awaiting signature (e.g. amended), 409 DUPLICATE when already signed, 400 `errors.code` wrong/locked/expired for the code. With the last signature the agreement takes effect.',
  })
  @ApiOkResponse({ type: PartyAgreementDto })
  @ApiErrors(404, 409)
  sign(@CurrentParty() party: PartyPrincipal, @Body() body: SignAgreementDto): Promise<PartyAgreementDto> {
    return this.participation.sign(party, body.documentSha256, body.code);
  }

  @Post('agreement/refuse')
  @PartyOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'refusePartyAgreement',
    summary: '当事人拒绝签署调解协议',
    description: 'Records the refusal with its reason; the mediator sees it on the case. The party may still sign later.',
  })
  @ApiOkResponse({ type: PartyAgreementDto })
  @ApiErrors(404, 409)
  refuse(@CurrentParty() party: PartyPrincipal, @Body() body: RefuseAgreementDto): Promise<PartyAgreementDto> {
    return this.participation.refuse(party, body.reason);
  }

  @Get('confirmation')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getPartyConfirmation',
    summary: '当事人查看司法确认申请',
    description: 'Whether the case can be confirmed, the 30-day window’s last day, who has joined, whether the clerk filed it.',
  })
  @ApiOkResponse({ type: PartyConfirmationDto })
  @ApiErrors(404)
  confirmation(@CurrentParty() party: PartyPrincipal): Promise<PartyConfirmationDto> {
    return this.participation.confirmation(party);
  }

  @Post('confirmation/join')
  @PartyOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'joinPartyConfirmation',
    summary: '当事人加入司法确认共同申请',
    description:
      'Joins the joint application (民诉解释第三百五十一条至第三百五十三条) on the pre-litigation track once the agreement is in effect, within 30 days (409 DEADLINE_PASSED after). Idempotent.',
  })
  @ApiOkResponse({ type: PartyConfirmationDto })
  @ApiErrors(404, 409)
  join(@CurrentParty() party: PartyPrincipal): Promise<PartyConfirmationDto> {
    return this.participation.join(party);
  }

  @Get('rating')
  @PartyOnly()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getPartyRating',
    summary: '当事人查看本人评价',
    description: 'The party’s rating, once given, and whether they may rate now.',
  })
  @ApiOkResponse({ type: PartyRatingDto })
  @ApiErrors(404)
  rating(@CurrentParty() party: PartyPrincipal): Promise<PartyRatingDto> {
    return this.participation.rating(party);
  }

  @Post('rating')
  @PartyOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'rateParty',
    summary: '当事人评价调解工作',
    description:
      'Once per party after the mediation ended: 1–5 with an optional comment. 409 DUPLICATE the second time, 409 ILLEGAL_TRANSITION before it ended.',
  })
  @ApiOkResponse({ type: PartyRatingDto })
  @ApiErrors(404, 409)
  rate(@CurrentParty() party: PartyPrincipal, @Body() body: RatingDto): Promise<PartyRatingDto> {
    return this.participation.rate(party, body);
  }
}
