import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Electronic service (电子送达) of a case's documents to each consenting party: when served, when first read. */
export class DocumentServices1796300000002 implements MigrationInterface {
  name = 'DocumentServices1796300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "party_id" uuid NOT NULL, "case_id" uuid NOT NULL, "method" character varying(20) NOT NULL DEFAULT 'electronic', "served_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_document_services" PRIMARY KEY ("id"), CONSTRAINT "ux_document_services_document_party" UNIQUE ("document_id", "party_id"), CONSTRAINT "fk_document_services_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE, CONSTRAINT "fk_document_services_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_document_services_case" ON "document_services" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_services"`);
  }
}
