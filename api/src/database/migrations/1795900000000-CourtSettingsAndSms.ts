import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The court's own settings (administered at /api/admin/settings) and the SMS outbox.
 *
 * - From 2025 the default track is `entrusted` (SPC opinion of 2024-12-27); `pre_litigation`
 *   remains available only where `allow_pre_litigation` keeps it.
 * - `acceptance_window_days`: working days a mediator has to accept a delegation (在线调解规则 Art. 12: 3).
 * - `savings_basis`: what 节约诉讼费 counts (the Art. 15 half fee a mediated suit would have paid, or the full fee).
 * - `fee_rounding`: fees to the fen (as 交纳办法 computes them) or to the whole yuan (a court's practice).
 * - `sms_outbox`: messages of the `outbox` SMS gateway (demos and tests), read by the administrator.
 */
export class CourtSettingsAndSms1795900000000 implements MigrationInterface {
  name = 'CourtSettingsAndSms1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "courts" ALTER COLUMN "default_track" SET DEFAULT 'entrusted'`);
    await queryRunner.query(`ALTER TABLE "courts" ADD "allow_pre_litigation" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "courts" ADD "acceptance_window_days" integer NOT NULL DEFAULT 3`);
    await queryRunner.query(`ALTER TABLE "courts" ADD "savings_basis" character varying(10) NOT NULL DEFAULT 'half_fee'`);
    await queryRunner.query(`ALTER TABLE "courts" ADD "fee_rounding" character varying(4) NOT NULL DEFAULT 'fen'`);
    await queryRunner.query(`ALTER TABLE "courts" ADD "document_footer_url" character varying(200)`);
    // Courts that default to the old track keep it available (and flagged) rather than changing under their users.
    await queryRunner.query(`UPDATE "courts" SET "allow_pre_litigation" = true WHERE "default_track" = 'pre_litigation'`);
    await queryRunner.query(
      `ALTER TABLE "courts" ADD CONSTRAINT "ck_courts_acceptance_window" CHECK ("acceptance_window_days" BETWEEN 1 AND 30)`,
    );
    await queryRunner.query(
      `ALTER TABLE "courts" ADD CONSTRAINT "ck_courts_savings_basis" CHECK ("savings_basis" IN ('half_fee','full_fee'))`,
    );
    await queryRunner.query(`ALTER TABLE "courts" ADD CONSTRAINT "ck_courts_fee_rounding" CHECK ("fee_rounding" IN ('fen','yuan'))`);
    await queryRunner.query(
      `ALTER TABLE "courts" ADD CONSTRAINT "ck_courts_pre_litigation_allowed" CHECK ("default_track" <> 'pre_litigation' OR "allow_pre_litigation")`,
    );

    await queryRunner.query(
      `CREATE TABLE "sms_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "court_id" uuid, "case_id" uuid, "phone" character varying(20) NOT NULL, "text" character varying(500) NOT NULL, "purpose" character varying(40) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sms_outbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sms_outbox_court_sent" ON "sms_outbox" ("court_id", "sent_at")`);
    await queryRunner.query(`CREATE INDEX "ix_sms_outbox_phone_sent" ON "sms_outbox" ("phone", "sent_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_outbox"`);
    for (const c of [
      'ck_courts_pre_litigation_allowed',
      'ck_courts_fee_rounding',
      'ck_courts_savings_basis',
      'ck_courts_acceptance_window',
    ]) {
      await queryRunner.query(`ALTER TABLE "courts" DROP CONSTRAINT "${c}"`);
    }
    for (const c of ['document_footer_url', 'fee_rounding', 'savings_basis', 'acceptance_window_days', 'allow_pre_litigation']) {
      await queryRunner.query(`ALTER TABLE "courts" DROP COLUMN "${c}"`);
    }
    await queryRunner.query(`ALTER TABLE "courts" ALTER COLUMN "default_track" SET DEFAULT 'pre_litigation'`);
  }
}
