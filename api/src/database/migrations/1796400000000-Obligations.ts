import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance follow-up of mediation agreements (人民调解法 Art. 31 ¶2):
 * - `obligations`: one per agreement term, with its state and what was paid (backfilled for
 *   agreements recorded before; those past their due date start `due` and the follow-up job
 *   decides on default).
 * - `obligation_reminders`: each reminder/default notice once (unique per obligation, kind and due date).
 * - `courts.reminder_lead_days`: working days before a due date the obligor is reminded (default 3).
 */
export class Obligations1796400000000 implements MigrationInterface {
  name = 'Obligations1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "courts" ADD "reminder_lead_days" integer NOT NULL DEFAULT 3`);
    await queryRunner.query(
      `CREATE TABLE "obligations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "case_id" uuid NOT NULL, "court_id" uuid NOT NULL, "position" integer NOT NULL, "obligor_party_id" uuid NOT NULL, "obligee_party_id" uuid NOT NULL, "amount_fen" bigint NOT NULL, "due_on" date NOT NULL, "method" character varying(200), "status" character varying(24) NOT NULL DEFAULT 'due', "paid_fen" bigint NOT NULL DEFAULT '0', "paid_on" date, "evidence_note" character varying(500), "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_obligations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_obligations_term" ON "obligations" ("term_id")`);
    await queryRunner.query(`CREATE INDEX "ix_obligations_court_due" ON "obligations" ("court_id", "due_on")`);
    await queryRunner.query(`CREATE INDEX "ix_obligations_case" ON "obligations" ("case_id")`);
    await queryRunner.query(
      `ALTER TABLE "obligations" ADD CONSTRAINT "fk_obligations_term" FOREIGN KEY ("term_id") REFERENCES "agreement_terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obligations" ADD CONSTRAINT "fk_obligations_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "obligation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "due_on" date NOT NULL, "sent" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_obligation_reminders" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_obligation_reminders" ON "obligation_reminders" ("obligation_id", "kind", "due_on")`);
    await queryRunner.query(
      `ALTER TABLE "obligation_reminders" ADD CONSTRAINT "fk_obligation_reminders_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Agreements recorded before this migration: their terms become obligations.
    await queryRunner.query(
      `INSERT INTO "obligations" ("term_id", "case_id", "court_id", "position", "obligor_party_id", "obligee_party_id", "amount_fen", "due_on", "method")
       SELECT t.id, a.case_id, c.court_id, t.position, t.obligor_party_id, t.obligee_party_id, t.amount_fen, t.due_on, t.method
         FROM "agreement_terms" t JOIN "agreements" a ON a.id = t.agreement_id JOIN "cases" c ON c.id = a.case_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "obligation_reminders"`);
    await queryRunner.query(`DROP TABLE "obligations"`);
    await queryRunner.query(`ALTER TABLE "courts" DROP COLUMN "reminder_lead_days"`);
  }
}
