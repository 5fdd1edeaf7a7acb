import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, instant, integer, uuid } from '../common/api-docs.js';

export class CalendarOverrideView {
  @ApiProperty(calendarDate({ example: '2027-02-06' })) date: string;
  @ApiProperty({ enum: ['rest', 'work'] }) kind: 'rest' | 'work';
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
  @ApiProperty({ enum: ['court', 'national'], description: "court: entered by this court's administrator; national: for every court" })
  scope: 'court' | 'national';
  @ApiProperty(instant()) updatedAt: string;
}

export class MovedDeadlineView {
  @ApiProperty(uuid()) caseId: string;
  @ApiProperty({ example: '（2027）黔0381民诉前调12号' }) caseNumber: string;
  @ApiProperty({ enum: ['acceptBy', 'mediationEndsOn', 'confirmationApplyBy', 'decisionDueOn', 'clocksProvisional'] }) clock: string;
  @ApiProperty(calendarDate({ nullable: true })) from: string | null;
  @ApiProperty(calendarDate({ nullable: true })) to: string | null;
}

export class CalendarOverrideResult {
  @ApiProperty(integer({ minimum: 0, description: 'Cases whose running clocks moved' })) recomputedCases: number;
  @ApiProperty({ type: [MovedDeadlineView], description: 'Each deadline that moved: case, clock, old and new date' })
  movedDeadlines: MovedDeadlineView[];
}
