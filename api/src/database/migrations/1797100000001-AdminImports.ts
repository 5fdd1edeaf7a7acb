import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk-import jobs (POST /api/admin/imports, issue 15 item 3): the rows read from the file, the
 * validation's progress and per-row errors, and what the commit wrote — in the database, so that
 * any request on any API instance sees the progress.
 */
export class AdminImports1797100000001 implements MigrationInterface {
  name = 'AdminImports1797100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admin_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "court_id" uuid NOT NULL, "created_by_id" uuid, "file_name" character varying(200) NOT NULL, "status" character varying(12) NOT NULL, "total" integer NOT NULL DEFAULT '0', "processed" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "rows" jsonb NOT NULL DEFAULT '[]', "result" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_admin_imports_status" CHECK ("status" IN ('validating','ready','committed','failed')), CONSTRAINT "pk_admin_imports" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_admin_imports_court" ON "admin_imports" ("court_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_admin_imports_court"`);
    await queryRunner.query(`DROP TABLE "admin_imports"`);
  }
}
