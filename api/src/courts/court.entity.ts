import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TrackCode } from '../rules/tracks.js';

export const SAVINGS_BASES = ['half_fee', 'full_fee'] as const;
export type SavingsBasis = (typeof SAVINGS_BASES)[number];
export const FEE_ROUNDINGS = ['fen', 'yuan'] as const;
export type FeeRounding = (typeof FEE_ROUNDINGS)[number];

@Entity('courts')
@Index('ux_courts_code', ['code'], { unique: true })
@Check('ck_courts_default_track', `"default_track" IN ('pre_litigation','entrusted')`)
@Check('ck_courts_workload_cap', `"workload_cap" BETWEEN 1 AND 1000`)
@Check('ck_courts_acceptance_window', `"acceptance_window_days" BETWEEN 1 AND 30`)
@Check('ck_courts_savings_basis', `"savings_basis" IN ('half_fee','full_fee')`)
@Check('ck_courts_fee_rounding', `"fee_rounding" IN ('fen','yuan')`)
@Check('ck_courts_pre_litigation_allowed', `"default_track" <> 'pre_litigation' OR "allow_pre_litigation"`)
export class Court {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_courts' })
  id: string;

  /** 法院代字, e.g. 黔0381 — part of every case number. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The track of a case received without one: `entrusted` from 2025 unless the court keeps the old one. */
  @Column({ type: 'varchar', length: 20, default: 'entrusted' })
  defaultTrack: TrackCode;

  /** Whether `pre_litigation` (诉前调, abolished as the default from 2025) may still be chosen; its cases carry a warning. */
  @Column({ type: 'boolean', default: false })
  allowPreLitigation: boolean;

  /** Working days a mediator has to accept a delegation (在线调解规则 Art. 12: 3). */
  @Column({ type: 'int', default: 3 })
  acceptanceWindowDays: number;

  /** Working days before an agreement's due date that the obligor is reminded by text message. */
  @Column({ type: 'int', default: 3 })
  reminderLeadDays: number;

  /** What 节约诉讼费 counts: the Art. 15 half fee a mediated suit would have paid, or the full fee. */
  @Column({ type: 'varchar', length: 10, default: 'half_fee' })
  savingsBasis: SavingsBasis;

  /** Fees to the fen (as 交纳办法 computes them) or rounded to the whole yuan. */
  @Column({ type: 'varchar', length: 4, default: 'fen' })
  feeRounding: FeeRounding;

  /** Printed in every document's footer (e.g. the court's verification page); null: PUBLIC_URL. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  documentFooterUrl: string | null;

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
