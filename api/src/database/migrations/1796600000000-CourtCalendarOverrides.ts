import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each court's own calendar corrections (issue 15): what one court's administrator enters never
 * moves another court's deadlines. The national `calendar_overrides` stay as they are.
 */
export class CourtCalendarOverrides1796600000000 implements MigrationInterface {
  name = 'CourtCalendarOverrides1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "court_calendar_overrides" ("court_id" uuid NOT NULL, "date" date NOT NULL, "kind" character varying(4) NOT NULL, "note" character varying(200), "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_court_calendar_overrides_kind" CHECK ("kind" IN ('rest','work')), CONSTRAINT "pk_court_calendar_overrides" PRIMARY KEY ("court_id", "date"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "court_calendar_overrides" ADD CONSTRAINT "fk_court_calendar_overrides_court" FOREIGN KEY ("court_id") REFERENCES "courts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "court_calendar_overrides"`);
  }
}
