import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Case } from '../case-records/case.entity.js';
import { bigintTransformer } from '../common/transformers.js';

/**
 * What the statistics need to know about one case, derived from the case (and its assignee and
 * confirmation) by `stats/facts.ts` in the same transaction as every change of the case. The
 * rollups are sums over these rows; the export's cases sheet lists them.
 */
@Entity('case_stat_facts')
@Index('ix_case_stat_facts_received', ['courtId', 'receivedOn', 'caseNumber'])
@Index('ix_case_stat_facts_ended', ['courtId', 'endedOn'])
@Index('ix_case_stat_facts_decided', ['courtId', 'decidedOn'])
export class CaseStatFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_stat_facts' })
  caseId: string;

  @OneToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_stat_facts_case' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  courtId: string;

  /** Copied from the case (never changes) so the export reads one table. */
  @Column({ type: 'varchar', length: 60 })
  caseNumber: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  claimAmountFen: bigint;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 20 })
  track: string;

  @Column({ type: 'varchar', length: 40 })
  disputeType: string;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  /** The organization handling the case: the assignee's, else the one it was delegated to. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The mediator handling the case: the assignee, else the mediator it was delegated to by name. */
  @Column({ type: 'uuid', nullable: true })
  mediatorId: string | null;

  @Column({ type: 'date', nullable: true })
  acceptedOn: string | null;

  /** China date mediation ended (agreement, failure, withdrawal after acceptance); null while not ended. */
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'date', nullable: true })
  mediationEndsOn: string | null;

  /** China date of the judicial-confirmation ruling. */
  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  /** The acceptance fee of the claim (诉讼费用交纳办法), each rounded to the fen on its own. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  feeFullFen: bigint;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  feeHalfFen: bigint;

  /** Fee-rule version used (its effective date); null when no rule was in force on the received date. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  feeRuleVersion: string | null;
}

/**
 * Pre-aggregated figures per court, dimension (organization / mediator / dispute type), grain
 * (day `d` or month `m`, `period` = the day or the month's first day) and group key ('' = none).
 * Each case adds its contribution (`stats/facts.ts`) to the day and the month rows of each
 * dimension; reports sum whole months from `m` rows and the days at the edges from `d` rows.
 */
@Entity('stats_rollups')
@Check('ck_stats_rollups_grain', `"grain" IN ('d','m')`)
@Check('ck_stats_rollups_dim', `"dim" IN ('organization','mediator','dispute_type')`)
export class StatsRollup {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_stats_rollups' })
  courtId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_stats_rollups' })
  dim: string;

  @PrimaryColumn({ type: 'char', length: 1, primaryKeyConstraintName: 'pk_stats_rollups' })
  grain: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_stats_rollups' })
  period: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_stats_rollups' })
  dimKey: string;

  @Column({ type: 'int', default: 0 })
  received: number;

  @Column({ type: 'int', default: 0 })
  entrustedReceived: number;

  @Column({ type: 'int', default: 0 })
  delegated: number;

  @Column({ type: 'int', default: 0 })
  inMediation: number;

  @Column({ type: 'int', default: 0 })
  agreed: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  @Column({ type: 'int', default: 0 })
  withdrawn: number;

  @Column({ type: 'int', default: 0 })
  endedOnTime: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  mediationDays: bigint;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  feesFullFen: bigint;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  feesHalfFen: bigint;

  @Column({ type: 'int', default: 0 })
  confirmed: number;

  @Column({ type: 'int', default: 0 })
  confirmationRejected: number;
}

/**
 * Cases whose statistics may be stale. Database triggers (migration StatsRollups) add a case here
 * whenever a column the statistics read changes, by whatever path — an action, the queue's
 * one-statement claim, a bulk import; `refreshCaseStats` removes it in the same transaction once
 * it has brought the case's fact and rollups up to date. Readers refresh what is left before
 * reading, so reports always equal a recount.
 */
@Entity('stats_dirty_cases')
export class StatsDirtyCase {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_stats_dirty_cases' })
  caseId: string;
}
