import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TrackCode } from '../rules/tracks.js';

@Entity('courts')
@Index('ux_courts_code', ['code'], { unique: true })
@Check('ck_courts_default_track', `"default_track" IN ('pre_litigation','entrusted')`)
@Check('ck_courts_workload_cap', `"workload_cap" BETWEEN 1 AND 1000`)
export class Court {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_courts' })
  id: string;

  /** 法院代字, e.g. 黔0381 — part of every case number. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20, default: 'pre_litigation' })
  defaultTrack: TrackCode;

  /** Maximum of active cases per mediator (fairness of the shared queue). */
  @Column({ type: 'int', default: 20 })
  workloadCap: number;

  @Column({ type: 'varchar', length: 40, default: '贵州' })
  province: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Population per court and year for 万人起诉率 (rules.md, Rates). */
@Entity('court_populations')
@Index('ux_court_populations_court_year', ['courtId', 'year'], { unique: true })
@Check('ck_court_populations_nonneg', `"resident" >= 0 AND "floating" >= 0`)
export class CourtPopulation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_court_populations' })
  id: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  resident: number;

  @Column({ type: 'int' })
  floating: number;
}
