import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Facts about the installation itself, such as when the demo seed finished (`demo_seed`). */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_app_meta' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
