import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QueueIndex1795424578291 implements MigrationInterface {
  name = 'QueueIndex1795424578291';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_queue"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_queue" ON "cases"  ("court_id", "accept_by", "received_on", "delegated_at", "id") WHERE "status" = 'delegated'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_queue"`);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_queue" ON "cases" USING btree ("accept_by", "received_on") WHERE ((status)::text = 'delegated'::text)`,
    );
  }
}
