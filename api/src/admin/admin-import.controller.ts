import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  type NestInterceptor,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiErrors, ApiFileResponse } from '../common/api-docs.js';
import { contentDisposition } from '../stats/stats-export.service.js';
import { ImportAcceptedView, ImportTemplateQuery, ImportUploadDto, ImportView } from './admin-import.dto.js';
import { AdminImportService, MAX_IMPORT_BYTES, type UploadedFile as ImportFile } from './admin-import.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Multer's 413 says only "File too large"; this one names the import limit. Listed before the file interceptor, it wraps it. */
@Injectable()
class ImportSizeMessage implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          throwError(() =>
            err instanceof PayloadTooLargeException
              ? new PayloadTooLargeException(`File larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the import limit`)
              : err,
          ),
        ),
      );
  }
}

/** 批量导入: organizations and mediators from a spreadsheet, validated whole before anything is written [admin only]. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/imports')
@Roles('admin')
export class AdminImportController {
  constructor(private readonly imports: AdminImportService) {}

  // Before `:id`, which would otherwise take "template" for an id.
  @Get('template')
  @ApiOperation({
    operationId: 'getImportTemplate',
    summary: '导入模板',
    description:
      'The template: one row per organization (type=organization: name, kind, region, contact) or mediator (type=mediator: username, displayName, organization, phone, admissionDate, specialities, languages); lists separated by ";". Imported mediators have no password until an administrator resets it.',
  })
  @ApiFileResponse([XLSX, 'text/csv'], 'xlsx or csv, by `format`')
  @ApiErrors(400)
  async template(@Query() q: ImportTemplateQuery, @Res() res: Response): Promise<void> {
    const format = q.format ?? 'xlsx';
    const file = await this.imports.template(format);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
    res.setHeader('Content-Disposition', contentDisposition(`roster-template.${format}`, `调解员名册导入模板.${format}`));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file);
  }

  @Post()
  @HttpCode(202)
  @UseInterceptors(ImportSizeMessage, FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({
    operationId: 'uploadImport',
    summary: '上传导入文件',
    description: 'Answers at once; the file is read and every row validated afterwards (GET /api/admin/imports/:id shows the progress)',
  })
  @ApiAcceptedResponse({ type: ImportAcceptedView })
  @ApiErrors(400, 413)
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file: ImportFile | undefined) {
    return this.imports.upload(user, file);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getImport', summary: '导入进度', description: 'Status, rows validated so far and every row’s errors' })
  @ApiOkResponse({ type: ImportView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.imports.get(user, id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'commitImport',
    summary: '确认导入',
    description:
      'Writes the organizations and mediators (with their roster facts) in one transaction; existing ones are left as they are. 409 unless the import is ready.',
  })
  @ApiOkResponse({ type: ImportView })
  @ApiErrors(404, 409)
  commit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.imports.commit(user, id);
  }
}
