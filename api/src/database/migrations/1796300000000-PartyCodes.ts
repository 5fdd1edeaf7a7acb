import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time SMS codes of parties (sign-in without an account): hashed, 10 minutes, 5 attempts, rate limited from this table. */
export class PartyCodes1796300000000 implements MigrationInterface {
  name = 'PartyCodes1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "party_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "party_id" uuid, "phone" character varying(20) NOT NULL, "purpose" character varying(40) NOT NULL, "code_hash" character varying(64), "attempts" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_party_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_party_codes_phone_created" ON "party_codes" ("phone", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_party_codes_case_created" ON "party_codes" ("case_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "party_codes"`);
  }
}
