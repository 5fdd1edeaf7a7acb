import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { instant, integer, uuid } from '../common/api-docs.js';
import { IMPORT_STATUSES } from './admin-import.entity.js';

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class ImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '.xlsx or .csv (UTF-8) in the template’s columns; at most 5 MB and 20,000 rows',
  })
  file: unknown;
}

export class ImportAcceptedView {
  @ApiProperty(uuid()) id: string;
}

export class ImportErrorView {
  @ApiProperty(integer({ minimum: 0, description: 'Spreadsheet row (the header is row 1); 0 for the file as a whole' })) row: number;
  @ApiProperty({ example: 'username', description: 'Template column, or "file"' }) field: string;
  @ApiProperty({ example: 'duplicate' }) code: string;
  @ApiProperty({ example: '与第12行的用户名重复' }) message: string;
}

export class ImportResultView {
  @ApiProperty(integer({ minimum: 0 })) organizationsCreated: number;
  @ApiProperty(integer({ minimum: 0, description: 'Already in the court: left as they are' })) organizationsExisting: number;
  @ApiProperty(integer({ minimum: 0 })) mediatorsCreated: number;
  @ApiProperty(integer({ minimum: 0, description: 'Already the court’s mediators: left as they are' })) mediatorsExisting: number;
}

export class ImportView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'validating → ready (no errors) or failed; ready → committed' }) status: string;
  @ApiProperty({ example: '名册.xlsx' }) fileName: string;
  @ApiProperty(integer({ minimum: 0, description: 'Data rows in the file' })) total: number;
  @ApiProperty(integer({ minimum: 0, description: 'Rows validated so far' })) processed: number;
  @ApiProperty({ type: [ImportErrorView], description: 'Every row’s errors (the first 1,000)' }) errors: ImportErrorView[];
  @ApiProperty(integer({ minimum: 0 })) errorCount: number;
  @ApiProperty({ type: ImportResultView, nullable: true, description: 'What the commit wrote' }) result: ImportResultView | null;
  @ApiProperty(instant()) createdAt: string;
}
