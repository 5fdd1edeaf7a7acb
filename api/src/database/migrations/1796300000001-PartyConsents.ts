import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Parties' consent to mediation and electronic service (送达地址确认), one row per party. */
export class PartyConsents1796300000001 implements MigrationInterface {
  name = 'PartyConsents1796300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "party_consents" ("party_id" uuid NOT NULL, "case_id" uuid NOT NULL, "mediation" boolean NOT NULL, "electronic_service" boolean NOT NULL, "service_address" character varying(500), "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_party_consents" PRIMARY KEY ("party_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "party_consents"`);
  }
}
