import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics rollups (api/src/stats): per-case facts, pre-aggregated figures, and the dirty-case
 * marks. The triggers mark a case whenever a column the statistics read changes, whatever the
 * path (an action, the queue's one-statement claim, a bulk import, a confirmation ruling, a
 * mediator moving organization, a court's province); stats/rollups.ts refreshes marked cases.
 * Existing cases are marked so the first refresh builds their facts.
 */
export class StatsRollups1795424916563 implements MigrationInterface {
  name = 'StatsRollups1795424916563';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_stat_facts" ("case_id" uuid NOT NULL, "court_id" uuid NOT NULL, "case_number" character varying(60) NOT NULL, "claim_amount_fen" bigint NOT NULL, "received_on" date NOT NULL, "track" character varying(20) NOT NULL, "dispute_type" character varying(40) NOT NULL, "status" character varying(24) NOT NULL, "organization_id" uuid, "mediator_id" uuid, "accepted_on" date, "ended_on" date, "mediation_ends_on" date, "decided_on" date, "fee_full_fen" bigint NOT NULL, "fee_half_fen" bigint NOT NULL, "fee_rule_version" character varying(10), CONSTRAINT "pk_case_stat_facts" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_stat_facts_decided" ON "case_stat_facts"  ("court_id", "decided_on") `);
    await queryRunner.query(`CREATE INDEX "ix_case_stat_facts_ended" ON "case_stat_facts"  ("court_id", "ended_on") `);
    await queryRunner.query(`CREATE INDEX "ix_case_stat_facts_received" ON "case_stat_facts"  ("court_id", "received_on") `);
    await queryRunner.query(
      `CREATE TABLE "stats_rollups" ("court_id" uuid NOT NULL, "dim" character varying(16) NOT NULL, "grain" character(1) NOT NULL, "period" date NOT NULL, "dim_key" character varying(40) NOT NULL, "received" integer NOT NULL DEFAULT '0', "entrusted_received" integer NOT NULL DEFAULT '0', "delegated" integer NOT NULL DEFAULT '0', "in_mediation" integer NOT NULL DEFAULT '0', "agreed" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "withdrawn" integer NOT NULL DEFAULT '0', "ended_on_time" integer NOT NULL DEFAULT '0', "mediation_days" bigint NOT NULL DEFAULT '0', "fees_full_fen" bigint NOT NULL DEFAULT '0', "fees_half_fen" bigint NOT NULL DEFAULT '0', "confirmed" integer NOT NULL DEFAULT '0', "confirmation_rejected" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_stats_rollups_dim" CHECK ("dim" IN ('organization','mediator','dispute_type')), CONSTRAINT "ck_stats_rollups_grain" CHECK ("grain" IN ('d','m')), CONSTRAINT "pk_stats_rollups" PRIMARY KEY ("court_id", "dim", "grain", "period", "dim_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stats_dirty_cases" ("case_id" uuid NOT NULL, CONSTRAINT "pk_stats_dirty_cases" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_stat_facts" ADD CONSTRAINT "fk_case_stat_facts_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION stats_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty_cases (case_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_cases_stats_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION stats_mark_case()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_cases_stats_update AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
         OR OLD.delegated_organization_id IS DISTINCT FROM NEW.delegated_organization_id
         OR OLD.delegated_mediator_id IS DISTINCT FROM NEW.delegated_mediator_id OR OLD.accepted_at IS DISTINCT FROM NEW.accepted_at
         OR OLD.mediation_ended_at IS DISTINCT FROM NEW.mediation_ended_at OR OLD.mediation_ends_on IS DISTINCT FROM NEW.mediation_ends_on
         OR OLD.received_on IS DISTINCT FROM NEW.received_on OR OLD.track IS DISTINCT FROM NEW.track
         OR OLD.dispute_type IS DISTINCT FROM NEW.dispute_type OR OLD.claim_amount_fen IS DISTINCT FROM NEW.claim_amount_fen
         OR OLD.case_number IS DISTINCT FROM NEW.case_number OR OLD.court_id IS DISTINCT FROM NEW.court_id)
      EXECUTE FUNCTION stats_mark_case()`);
    await queryRunner.query(`
      CREATE FUNCTION stats_mark_confirmation_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty_cases (case_id) VALUES (NEW.case_id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_confirmations_stats AFTER UPDATE ON confirmations FOR EACH ROW
      WHEN (OLD.decided_at IS DISTINCT FROM NEW.decided_at) EXECUTE FUNCTION stats_mark_confirmation_case()`);
    await queryRunner.query(`
      CREATE FUNCTION stats_mark_assignee_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty_cases (case_id) SELECT id FROM cases WHERE assignee_id = NEW.id ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_users_stats AFTER UPDATE ON users FOR EACH ROW
      WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id) EXECUTE FUNCTION stats_mark_assignee_cases()`);
    await queryRunner.query(`
      CREATE FUNCTION stats_mark_court_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty_cases (case_id) SELECT id FROM cases WHERE court_id = NEW.id ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_courts_stats AFTER UPDATE ON courts FOR EACH ROW
      WHEN (OLD.province IS DISTINCT FROM NEW.province) EXECUTE FUNCTION stats_mark_court_cases()`);
    // Counter updates rewrite rows in place (HOT) when the page has room: a report's range stays on neighbouring pages.
    await queryRunner.query(`ALTER TABLE stats_rollups SET (fillfactor = 80)`);
    await queryRunner.query(`INSERT INTO stats_dirty_cases (case_id) SELECT id FROM cases`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trg_courts_stats ON courts');
    await queryRunner.query('DROP FUNCTION stats_mark_court_cases()');
    await queryRunner.query('DROP TRIGGER trg_users_stats ON users');
    await queryRunner.query('DROP FUNCTION stats_mark_assignee_cases()');
    await queryRunner.query('DROP TRIGGER trg_confirmations_stats ON confirmations');
    await queryRunner.query('DROP FUNCTION stats_mark_confirmation_case()');
    await queryRunner.query('DROP TRIGGER trg_cases_stats_update ON cases');
    await queryRunner.query('DROP TRIGGER trg_cases_stats_insert ON cases');
    await queryRunner.query('DROP FUNCTION stats_mark_case()');
    await queryRunner.query(`ALTER TABLE "case_stat_facts" DROP CONSTRAINT "fk_case_stat_facts_case"`);
    await queryRunner.query(`DROP TABLE "stats_dirty_cases"`);
    await queryRunner.query(`DROP TABLE "stats_rollups"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_stat_facts_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_stat_facts_ended"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_stat_facts_decided"`);
    await queryRunner.query(`DROP TABLE "case_stat_facts"`);
  }
}
