import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `app_meta`: installation facts; the demo seed records its completion here. */
export class AppMeta1795510000000 implements MigrationInterface {
  name = 'AppMeta1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_meta" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_app_meta" PRIMARY KEY ("key"))`,
    );
    // Databases seeded before this table existed were seeded completely (the seed was not interruptible then).
    await queryRunner.query(
      `INSERT INTO "app_meta" ("key", "value") SELECT 'demo_seed', jsonb_build_object('completedAt', now(), 'recordedBy', 'migration') WHERE EXISTS (SELECT 1 FROM "courts")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_meta"`);
  }
}
