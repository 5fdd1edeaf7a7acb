import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The xlsx export reads a period's cases in (received date, case number) order straight off this index, without a sort. */

export class StatsFactsReceivedOrder1795430481442 implements MigrationInterface {
  name = 'StatsFactsReceivedOrder1795430481442';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_case_stat_facts_received"`);
    await queryRunner.query(`CREATE INDEX "ix_case_stat_facts_received" ON "case_stat_facts"  ("court_id", "received_on", "case_number") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_case_stat_facts_received"`);
    await queryRunner.query(`CREATE INDEX "ix_case_stat_facts_received" ON "case_stat_facts" USING btree ("court_id", "received_on") `);
  }
}
