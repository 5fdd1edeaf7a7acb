import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { DomainError } from '../common/domain-error.js';

export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({
    operationId: 'getHealth',
    summary: '健康检查',
    description:
      '200 {"status":"ok"} once the database is migrated and the app can serve; 503 SERVICE_UNAVAILABLE while the database is unreachable.',
  })
  @ApiOkResponse({ type: HealthView })
  @ApiErrors(503)
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The database is not reachable at the moment; try again shortly');
    }
    return { status: 'ok' };
  }
}
