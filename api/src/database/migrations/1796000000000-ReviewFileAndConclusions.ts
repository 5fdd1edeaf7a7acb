import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_STATUSES = `'registered','delegated','in_mediation','agreed','confirmation_pending','confirmed','confirmation_rejected','failed','withdrawn'`;

/**
 * Issue 14: the `entrusted` outcome (民事调解书 or 撤诉 → status `concluded`, table `case_conclusions`)
 * and the judge's review file of a confirmation (`confirmation_reviews`; closure → `confirmation_closed`).
 */
export class ReviewFileAndConclusions1796000000000 implements MigrationInterface {
  name = 'ReviewFileAndConclusions1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_status"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_status" CHECK ("status" IN (${OLD_STATUSES},'concluded','confirmation_closed'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_conclusions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "outcome" character varying(12) NOT NULL, "concluded_on" date NOT NULL, "note" text NOT NULL, "judge_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_case_conclusions_outcome" CHECK ("outcome" IN ('decree','withdrawal')), CONSTRAINT "pk_case_conclusions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_case_conclusions_case" ON "case_conclusions" ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "case_conclusions" ADD CONSTRAINT "fk_case_conclusions_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "confirmation_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "accepted_on" date NOT NULL, "agent_applies" boolean NOT NULL DEFAULT false, "materials" jsonb NOT NULL, "supplements" jsonb NOT NULL DEFAULT '[]', "extension" jsonb, "closure" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_confirmation_reviews" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_confirmation_reviews_case" ON "confirmation_reviews" ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "confirmation_reviews" ADD CONSTRAINT "fk_confirmation_reviews_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "confirmation_reviews"`);
    await queryRunner.query(`DROP TABLE "case_conclusions"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_status"`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_status" CHECK ("status" IN (${OLD_STATUSES}))`);
  }
}
