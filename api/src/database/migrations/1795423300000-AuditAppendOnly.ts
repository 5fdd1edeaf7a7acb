import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only: UPDATE and DELETE are refused by the database itself.
 * (A superuser can still bypass triggers; `npm run audit:verify` catches that through the hash chain.)
 */
export class AuditAppendOnly1795423300000 implements MigrationInterface {
  name = 'AuditAppendOnly1795423300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trg_audit_events_append_only ON audit_events');
    await queryRunner.query('DROP FUNCTION audit_events_append_only()');
  }
}
