import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A party joining the application for judicial confirmation from their phone (issue 16 item 5;
 * 民诉解释 Art. 351–353: the parties apply jointly). One row per party: joining twice joins once.
 */
@Entity('confirmation_joins')
@Index('ix_confirmation_joins_case', ['caseId'])
export class ConfirmationJoin {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_confirmation_joins' })
  partyId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'timestamptz' })
  joinedAt: Date;
}

/**
 * A party's rating of the mediation (满意度, issue 16 item 6): once per party, 1–5. The case's
 * organization and mediator are kept as they were when the party rated, for the statistics; the
 * comment is never shown with the party's name to statisticians.
 */
@Entity('party_ratings')
@Index('ux_party_ratings_party', ['partyId'], { unique: true })
@Index('ix_party_ratings_court_rated', ['courtId', 'ratedOn'])
@Check('ck_party_ratings_score', `"score" BETWEEN 1 AND 5`)
export class PartyRating {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_party_ratings' })
  id: string;

  @Column({ type: 'uuid' })
  partyId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  mediatorId: string | null;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz' })
  ratedAt: Date;

  /** The China date of `ratedAt`: the day a statistic counts the rating. */
  @Column({ type: 'date' })
  ratedOn: string;
}
