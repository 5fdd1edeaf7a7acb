import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The savings estimate rounds each case's fee by the court's `fee_rounding` (issue 14 item 12), so
 * a change of that setting, like a change of province, marks the court's cases for a stats refresh.
 */
export class FeeRoundingStats1797000000000 implements MigrationInterface {
  name = 'FeeRoundingStats1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trg_courts_stats ON courts');
    await queryRunner.query(`
      CREATE TRIGGER trg_courts_stats AFTER UPDATE ON courts FOR EACH ROW
      WHEN (OLD.province IS DISTINCT FROM NEW.province OR OLD.fee_rounding IS DISTINCT FROM NEW.fee_rounding)
      EXECUTE FUNCTION stats_mark_court_cases()`);
    // Facts stored before this release were rounded to the fen; courts already set to yuan refresh.
    await queryRunner.query(
      `INSERT INTO stats_dirty_cases (case_id) SELECT c.id FROM cases c JOIN courts co ON co.id = c.court_id WHERE co.fee_rounding = 'yuan' ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trg_courts_stats ON courts');
    await queryRunner.query(`
      CREATE TRIGGER trg_courts_stats AFTER UPDATE ON courts FOR EACH ROW
      WHEN (OLD.province IS DISTINCT FROM NEW.province) EXECUTE FUNCTION stats_mark_court_cases()`);
  }
}
