import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../auth/decorators.js';
import { notFound } from '../common/domain-error.js';
import { RateLimit } from '../common/rate-limit.guard.js';
import { DocumentsService } from './documents.service.js';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiOperation({ summary: 'Documents issued for a case' })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.listForCase(user, id);
  }

  @Get('documents/:id')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The PDF; the filename carries the case number' })
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const { pdf, filename, sha256 } = await this.documents.pdf(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('ETag', `"${sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.end(pdf);
  }

  @Get('cases/:id/dossier')
  @ApiBearerAuth()
  @Roles('clerk', 'judge', 'admin', 'mediator')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The whole case file (调解卷宗) as one PDF: cover, contents and every document in the MoJ order' })
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
  @ApiOperation({ summary: 'Public check that this system issued a document (by PDF sha256 or the QR content hash); no party data' })
  async verify(@Param('sha256') sha256: string) {
    const result = await this.documents.verify(sha256);
    if (!result) throw notFound('Document');
    return result;
  }
}
