import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, integer, PageMeta, uuid } from '../../common/api-docs.js';
import { CaseSummaryView } from '../../cases/dto/case-responses.js';

export class OverdueCaseView extends CaseSummaryView {
  @ApiProperty(integer({ nullable: true, minimum: 0, description: 'Calendar days since delegation' })) waitingDays: number | null;
  @ApiProperty(integer({ nullable: true, description: 'Calendar days since acceptBy' })) daysPastAcceptBy: number | null;
}

export class QueuePage extends PageMeta {
  @ApiProperty({ type: [CaseSummaryView] }) items: CaseSummaryView[];
}

export class OverduePage extends PageMeta {
  @ApiProperty({ type: [OverdueCaseView] }) items: OverdueCaseView[];
}

export class MediatorQueueFiguresView {
  @ApiProperty(uuid()) mediatorId: string;
  @ApiProperty({ example: '王调解' }) displayName: string;
  @ApiProperty(uuid({ nullable: true })) organizationId: string | null;
  @ApiProperty(integer({ minimum: 0 })) claims: number;
  @ApiProperty(integer({ minimum: 0 })) releases: number;
  @ApiProperty(integer({ minimum: 0 })) declines: number;
  @ApiProperty({ type: 'number', nullable: true, example: 5.25, description: 'Mean age of a case in the queue when claimed (hours)' })
  averageAgeAtClaimHours: number | null;
}

export class QueueFiguresTotals {
  @ApiProperty(integer({ minimum: 0 })) claims: number;
  @ApiProperty(integer({ minimum: 0 })) releases: number;
  @ApiProperty(integer({ minimum: 0 })) declines: number;
  @ApiProperty(integer({ minimum: 0 })) mediators: number;
  @ApiProperty({ type: 'number', nullable: true, example: 5.25 }) averageAgeAtClaimHours: number | null;
}

export class QueueFiguresView {
  @ApiProperty(calendarDate({ example: '2026-01-01' })) from: string;
  @ApiProperty(calendarDate({ example: '2026-11-23' })) to: string;
  @ApiProperty({ type: QueueFiguresTotals }) totals: QueueFiguresTotals;
  @ApiProperty({ type: [MediatorQueueFiguresView] }) items: MediatorQueueFiguresView[];
}
