import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: agreements signed online (agreement_signatures, agreements awaiting signatures), joint applications joined online (confirmation_joins) and ratings (party_ratings). */
export class PartyParticipation1796800000000 implements MigrationInterface {
  name = 'PartyParticipation1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement_signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "party_id" uuid NOT NULL, "document_id" uuid NOT NULL, "document_sha256" character(64) NOT NULL, "method" character varying(10) NOT NULL, "outcome" character varying(10) NOT NULL, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "attested_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_agreement_signatures_reason" CHECK ("outcome" = 'signed' OR "reason" IS NOT NULL), CONSTRAINT "ck_agreement_signatures_outcome" CHECK ("outcome" IN ('signed','refused')), CONSTRAINT "ck_agreement_signatures_method" CHECK ("method" IN ('online','paper')), CONSTRAINT "pk_agreement_signatures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreement_signatures_case" ON "agreement_signatures"  ("case_id", "at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_agreement_signatures_signed" ON "agreement_signatures"  ("document_id", "party_id") WHERE "outcome" = 'signed'`,
    );
    await queryRunner.query(
      `CREATE TABLE "confirmation_joins" ("party_id" uuid NOT NULL, "case_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_confirmation_joins" PRIMARY KEY ("party_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_confirmation_joins_case" ON "confirmation_joins"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "party_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "party_id" uuid NOT NULL, "case_id" uuid NOT NULL, "court_id" uuid NOT NULL, "organization_id" uuid, "mediator_id" uuid, "score" smallint NOT NULL, "comment" character varying(500), "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rated_on" date NOT NULL, CONSTRAINT "ck_party_ratings_score" CHECK ("score" BETWEEN 1 AND 5), CONSTRAINT "pk_party_ratings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_party_ratings_court_rated" ON "party_ratings"  ("court_id", "rated_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_party_ratings_party" ON "party_ratings"  ("party_id") `);
    await queryRunner.query(`ALTER TABLE "agreements" ADD "signature_method" character varying(10) NOT NULL DEFAULT 'paper'`);
    await queryRunner.query(`ALTER TABLE "agreements" ADD "signing_document_id" uuid`);
    await queryRunner.query(`ALTER TABLE "agreements" ADD "issued_for_signature_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "agreements" ALTER COLUMN "signed_at" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agreements" ALTER COLUMN "effective_on" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "ck_agreements_effective" CHECK (("signed_at" IS NULL) = ("effective_on" IS NULL) AND ("signed_at" IS NOT NULL OR "signature_method" = 'online'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "ck_agreements_signature_method" CHECK ("signature_method" IN ('paper','online'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "ck_agreements_signature_method"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "ck_agreements_effective"`);
    await queryRunner.query(`ALTER TABLE "agreements" ALTER COLUMN "effective_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agreements" ALTER COLUMN "signed_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP COLUMN "issued_for_signature_at"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP COLUMN "signing_document_id"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP COLUMN "signature_method"`);
    await queryRunner.query(`DROP INDEX "public"."ux_party_ratings_party"`);
    await queryRunner.query(`DROP INDEX "public"."ix_party_ratings_court_rated"`);
    await queryRunner.query(`DROP TABLE "party_ratings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_confirmation_joins_case"`);
    await queryRunner.query(`DROP TABLE "confirmation_joins"`);
    await queryRunner.query(`DROP INDEX "public"."ux_agreement_signatures_signed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreement_signatures_case"`);
    await queryRunner.query(`DROP TABLE "agreement_signatures"`);
  }
}
