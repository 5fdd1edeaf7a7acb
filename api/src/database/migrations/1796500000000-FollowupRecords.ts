import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 回访记录 (issue 17 item 4): one row per follow-up call or visit of an agreement, numbered per case. */
export class FollowupRecords1796500000000 implements MigrationInterface {
  name = 'FollowupRecords1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "followup_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "seq" integer NOT NULL, "contacted_on" date NOT NULL, "method" character varying(12) NOT NULL, "contacted_person" character varying(200) NOT NULL, "outcome" character varying(24) NOT NULL, "notes" text NOT NULL, "recorded_by_id" uuid NOT NULL, "document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_followup_records_method" CHECK ("method" IN ('phone','visit','online','other')), CONSTRAINT "ck_followup_records_outcome" CHECK ("outcome" IN ('performed','partially_performed','not_performed','other')), CONSTRAINT "pk_followup_records" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_followup_records_case_seq" ON "followup_records" ("case_id", "seq")`);
    await queryRunner.query(
      `ALTER TABLE "followup_records" ADD CONSTRAINT "fk_followup_records_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "followup_records"`);
  }
}
