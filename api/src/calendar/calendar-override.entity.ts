import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Admin-edited corrections to the State Council schedule (a new year's 调休 published late). */
@Entity('calendar_overrides')
@Check('ck_calendar_overrides_kind', `"kind" IN ('rest','work')`)
export class CalendarOverride {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_overrides' })
  date: string;

  @Column({ type: 'varchar', length: 4 })
  kind: 'rest' | 'work';

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
