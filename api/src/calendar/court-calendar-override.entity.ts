import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Court } from '../courts/court.entity.js';

/**
 * A court's own correction of one day (a local holiday, a make-up working day published late),
 * entered by that court's administrator. It counts for that court's clocks only and wins over the
 * national schedule and over `calendar_overrides`.
 */
@Entity('court_calendar_overrides')
@Check('ck_court_calendar_overrides_kind', `"kind" IN ('rest','work')`)
export class CourtCalendarOverride {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_court_calendar_overrides' })
  courtId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_court_calendar_overrides' })
  date: string;

  @ManyToOne(() => Court, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'court_id', foreignKeyConstraintName: 'fk_court_calendar_overrides_court' })
  court?: Relation<Court>;

  @Column({ type: 'varchar', length: 4 })
  kind: 'rest' | 'work';

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
