import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mediator roster (特邀调解员名册, 特邀调解规定 2016; issue 15 item 2).
 *
 * - `organizations.contact`: the committee's contact, kept by the administrator; a name is unique
 *   within a court (the bulk import is idempotent on it).
 * - `mediator_roster`: each mediator's roster facts (admission date, languages/dialects, contact
 *   phone, status with its reason, annual assessment notes). Specialities stay in
 *   `users.expertise`, where recommendation reads them. A mediator without a row is active.
 * - `queue_claim_next()` refuses a mediator who is suspended or removed (SQLSTATE SU410), read
 *   after it has locked the caller's user row: the administrator's status change locks that row
 *   too, so a claim either commits before the change or sees it.
 */
export class MediatorRoster1797100000000 implements MigrationInterface {
  name = 'MediatorRoster1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "contact" character varying(200)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_organizations_court_name" ON "organizations" ("court_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "mediator_roster" ("user_id" uuid NOT NULL, "admission_date" date, "languages" text array NOT NULL DEFAULT '{}', "phone" character varying(20), "status" character varying(10) NOT NULL DEFAULT 'active', "status_reason" character varying(200), "assessments" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mediator_roster_status" CHECK ("status" IN ('active','suspended','removed')), CONSTRAINT "ck_mediator_roster_reason" CHECK ("status" <> 'removed' OR "status_reason" IS NOT NULL), CONSTRAINT "pk_mediator_roster" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "mediator_roster" ADD CONSTRAINT "fk_mediator_roster_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(claimNext(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(claimNext(false));
    await queryRunner.query(`DROP TABLE "mediator_roster"`);
    await queryRunner.query(`DROP INDEX "public"."ux_organizations_court_name"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "contact"`);
  }
}

/** queue_claim_next() of migration QueueClaimFunction, with (or without) the roster check. */
function claimNext(roster: boolean): string {
  const check = roster
    ? `
        IF EXISTS (SELECT 1 FROM mediator_roster AS r WHERE r.user_id = p_mediator AND r.status <> 'active') THEN
          RAISE EXCEPTION 'mediator not active on the roster' USING ERRCODE = 'SU410';
        END IF;`
    : '';
  return `
      CREATE OR REPLACE FUNCTION queue_claim_next(p_mediator uuid, p_court uuid, p_org uuid, p_username text, p_now timestamptz,
                                       p_clocks jsonb, p_dispute_type text, p_region text) RETURNS SETOF cases
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_cap integer;
        v_active integer;
        v_case cases;
      BEGIN
        SELECT ct.workload_cap INTO v_cap FROM users AS u JOIN courts AS ct ON ct.id = p_court
         WHERE u.id = p_mediator AND u.role = 'mediator' FOR UPDATE OF u;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'mediator account not found' USING ERRCODE = 'SU403';
        END IF;${check}
        SELECT count(*)::integer INTO v_active FROM cases WHERE assignee_id = p_mediator AND status = 'in_mediation';
        IF v_active >= v_cap THEN
          RAISE EXCEPTION 'workload cap reached' USING ERRCODE = 'SU409',
            DETAIL = json_build_object('activeCases', v_active, 'cap', v_cap)::text;
        END IF;

        UPDATE cases AS c
           SET status = 'in_mediation', assignee_id = p_mediator, accepted_at = p_now, updated_at = p_now, version = c.version + 1,
               accept_by = ((p_clocks -> (c.track || '/' || c.procedure)) ->> 'acceptBy')::date,
               mediation_ends_on = ((p_clocks -> (c.track || '/' || c.procedure)) ->> 'mediationEndsOn')::date,
               confirmation_apply_by = ((p_clocks -> (c.track || '/' || c.procedure)) ->> 'confirmationApplyBy')::date,
               decision_due_on = ((p_clocks -> (c.track || '/' || c.procedure)) ->> 'decisionDueOn')::date,
               clocks_provisional = coalesce(((p_clocks -> (c.track || '/' || c.procedure)) ->> 'clocksProvisional')::boolean, false)
         WHERE c.id = (SELECT q.id FROM cases AS q
                        WHERE q.status = 'delegated'
                          AND queue_eligible(q.court_id, q.queue_scope, q.delegated_organization_id, q.delegated_mediator_id, p_court, p_mediator, p_org)
                          AND (p_dispute_type IS NULL OR q.dispute_type = p_dispute_type)
                          AND (p_region IS NULL OR EXISTS (SELECT 1 FROM organizations AS o WHERE o.id = q.delegated_organization_id AND o.region = p_region))
                        ORDER BY q.accept_by, q.received_on, q.delegated_at, q.id
                        LIMIT 1 FOR UPDATE SKIP LOCKED)
           AND c.status = 'delegated'
        RETURNING c.* INTO v_case;
        IF NOT FOUND THEN
          RETURN;
        END IF;

        PERFORM audit_append('case:' || v_case.id, v_case.id, 'case.claimed', p_now, p_mediator, p_username, 'mediator',
          jsonb_build_object('from', 'delegated', 'to', 'in_mediation', 'version', v_case.version, 'assigneeId', p_mediator,
            'waitedMs', round(extract(epoch FROM p_now - v_case.delegated_at) * 1000)::bigint, 'via', 'queue_next'));
        RETURN NEXT v_case;
      END $$`;
}
