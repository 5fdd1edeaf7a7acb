import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../common/api-docs.js';
import { DocumentListItem, VerifyResponse } from './document-responses.js';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../auth/decorators.js';
import { notFound } from '../common/domain-error.js';
import { RateLimit } from '../common/rate-limit.guard.js';
import { DocumentsService } from './documents.service.js';

/** Who may download, and what a mediator's copy looks like (README, "Documents"; docs/security.md). */
const DOWNLOAD_RULE =
  'Clerks, judges and admins of the court get the document as issued. A mediator gets it only while the case is theirs ' +
  '(assignee of a case not yet closed, or of a closed case with an agreement whose performance they follow up; 403 otherwise), as a copy in which every resident ID number is masked ' +
  '(first 6 and last 4 characters) and birth dates are left out; the issued document, its sha256 and /api/verify are unchanged. ' +
  'Every download is an audit event on the case (who, which document, the sha256 of the bytes served).';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({
    operationId: 'listCaseDocuments',
    summary: '案件文书列表',
    description:
      'Documents issued for a case' +
      '\n\n' +
      'Metadata only (kind, title, sha256), for whoever may see the case; downloading is GET /api/documents/{id}.',
  })
  @ApiOkResponse({ type: [DocumentListItem] })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.listForCase(user, id);
  }

  @Get('documents/:id')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({
    operationId: 'downloadDocument',
    summary: '下载文书',
    description: 'The PDF; the filename carries the case number' + '\n\n' + `${DOWNLOAD_RULE} ETag: the sha256 of the bytes served.`,
  })
  @ApiFileResponse(['application/pdf'], 'The PDF (a mediator gets the masked copy)')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { pdf, filename, sha256 } = await this.documents.pdf(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('ETag', `"${sha256}"`);
    // Personal data: never written to a browser or proxy cache (the ETag still lets a client compare).
    res.setHeader('Cache-Control', 'no-store');
    res.end(pdf);
  }

  @Get('cases/:id/dossier')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({
    operationId: 'downloadDossier',
    summary: '下载调解卷宗',
    description:
      'The whole case file (调解卷宗) as one PDF: cover, contents and every document in the MoJ order' +
      '\n\n' +
      `${DOWNLOAD_RULE} The dossier is audited as \`dossier.printed\` with the documents it contains.`,
  })
  @ApiFileResponse(['application/pdf'], 'The dossier PDF')
  @ApiErrors(422)
  async dossier(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { pdf, filename } = await this.documents.dossier(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="dossier.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(pdf);
  }

  @Public()
  @RateLimit(60, 60_000)
  @Get('verify/:sha256')
  @ApiOperation({
    operationId: 'verifyDocument',
    summary: '文书验真',
    description:
      "Answers facts only (kind, title, case number, issue time, the issued sha256), never the PDF. A mediator's masked copy carries the issued document's QR content hash, so it verifies too.",
  })
  @ApiOkResponse({ type: VerifyResponse })
  @ApiErrors(400, 404, 429)
  async verify(@Param('sha256') sha256: string) {
    const result = await this.documents.verify(sha256);
    if (!result) throw notFound('Document');
    return result;
  }
}
