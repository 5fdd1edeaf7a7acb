import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The head of an audit chain, read after taking the chain's append lock — in ONE round trip.
 * A plain "SELECT pg_advisory_xact_lock(…), (SELECT … last event)" would read with the snapshot
 * taken before it waited for the lock and could miss an event committed meanwhile; a VOLATILE
 * PL/pgSQL function takes a fresh snapshot for each statement it runs (READ COMMITTED), so the
 * read happens after the lock. Used by AuditService and, inside its claim statement, by the queue.
 */
export class AuditChainHead1795425079418 implements MigrationInterface {
  name = 'AuditChainHead1795425079418';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head(p_stream text, OUT head_seq integer, OUT head_hash character(64))
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
        SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_events AS e WHERE e.stream = p_stream ORDER BY e.seq DESC LIMIT 1;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_chain_head(text)');
  }
}
