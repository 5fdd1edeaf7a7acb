import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the audit chains (audit/audit-checkpoint.service.ts): the chains' hashes
 * as of each checkpoint, signed with a key the database does not hold, so `npm run audit:verify`
 * notices a chain shortened, deleted or rewritten even when every hash was recomputed.
 *
 * Like `audit_events`, both tables are insert-only: UPDATE, DELETE and TRUNCATE are refused by
 * triggers here and are never granted to the application's role. TRUNCATE fires no row trigger,
 * hence the statement triggers, for `audit_events` too.
 */
export class AuditCheckpoints1795800000000 implements MigrationInterface {
  name = 'AuditCheckpoints1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoints" ("number" integer NOT NULL, "scope" character varying(10) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_digest" character(64) NOT NULL, "key_id" character(16) NOT NULL, "total_streams" integer NOT NULL, "total_events" bigint NOT NULL, "entry_count" integer NOT NULL, "entries_digest" character(64) NOT NULL, "digest" character(64) NOT NULL, "signature" character varying(100) NOT NULL, CONSTRAINT "ck_audit_checkpoints_scope" CHECK ("scope" IN ('all','streams')), CONSTRAINT "pk_audit_checkpoints" PRIMARY KEY ("number"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoint_streams" ("checkpoint_number" integer NOT NULL, "stream" character varying(60) NOT NULL, "first_seq" integer NOT NULL, "last_seq" integer NOT NULL, "hashes" bytea NOT NULL, CONSTRAINT "ck_audit_checkpoint_streams_range" CHECK ("first_seq" >= 1 AND "last_seq" >= "first_seq" AND octet_length("hashes") = ("last_seq" - "first_seq" + 1) * 32), CONSTRAINT "pk_audit_checkpoint_streams" PRIMARY KEY ("checkpoint_number", "stream"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_checkpoint_streams_stream" ON "audit_checkpoint_streams" ("stream", "last_seq") `);

    await queryRunner.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_checkpoints', 'audit_checkpoint_streams']) {
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
      );
    }
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_checkpoint_streams']) {
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
      );
    }
    // The owner role keeps its rights (it runs migrations); nobody else may ever have these.
    await queryRunner.query('REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints, audit_checkpoint_streams FROM PUBLIC');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_checkpoint_streams']) {
      await queryRunner.query(`DROP TRIGGER trg_${table}_no_truncate ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER trg_audit_checkpoint_streams_append_only ON audit_checkpoint_streams');
    await queryRunner.query('DROP TRIGGER trg_audit_checkpoints_append_only ON audit_checkpoints');
    await queryRunner.query('DROP FUNCTION audit_append_only()');
    await queryRunner.query(`DROP INDEX "public"."ix_audit_checkpoint_streams_stream"`);
    await queryRunner.query(`DROP TABLE "audit_checkpoint_streams"`);
    await queryRunner.query(`DROP TABLE "audit_checkpoints"`);
  }
}
