import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a 人民调解记录 must show (issue 14 item 8): the mediator's disclosure and whether a party asked
 * for recusal (在线调解规则 Art. 13), the session's 调解结果, and each agent's authority (特别/一般授权).
 */
export class SessionRecordFacts1796900000001 implements MigrationInterface {
  name = 'SessionRecordFacts1796900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mediation_sessions" ADD "disclosure" text, ADD "recusal_requested" boolean NOT NULL DEFAULT false, ADD "result" character varying(12) NOT NULL DEFAULT 'adjourned', ADD "agents" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediation_sessions" ADD CONSTRAINT "ck_mediation_sessions_result" CHECK ("result" IN ('agreed','adjourned','failed'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mediation_sessions" DROP CONSTRAINT "ck_mediation_sessions_result"`);
    await queryRunner.query(
      `ALTER TABLE "mediation_sessions" DROP COLUMN "agents", DROP COLUMN "result", DROP COLUMN "recusal_requested", DROP COLUMN "disclosure"`,
    );
  }
}
