import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `POST /api/queue/next` as ONE autocommit round trip: `queue_claim_next()` locks the caller's
 * user row (ordering one mediator's concurrent claims, so the workload cap is exact), counts their
 * active cases, claims the most urgent eligible case with `FOR UPDATE SKIP LOCKED` and appends the
 * `case.claimed` audit event — each statement with a fresh snapshot (VOLATILE, READ COMMITTED),
 * all in the caller's single transaction. PL/pgSQL keeps the statements' plans per connection.
 *
 * The audit hash is computed here by `audit_event_hash()`, the SQL twin of `eventHash()` in
 * `audit/chain.ts`: sha256(prevHash ‖ "\n" ‖ canonical JSON with keys sorted at every level).
 * jsonb prints strings with the same escapes as JSON.stringify and integers alike; keys are
 * sorted bytewise (COLLATE "C"), which equals JavaScript's UTF-16 order for the ASCII keys audit
 * events use. `npm run audit:verify` recomputes these hashes in Node, and the queue e2e tests
 * compare both implementations on awkward payloads.
 */
export class QueueClaimFunction1795500000000 implements MigrationInterface {
  name = 'QueueClaimFunction1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_canonical_json(v jsonb) RETURNS text
      LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE
        out text;
      BEGIN
        CASE jsonb_typeof(v)
          WHEN 'object' THEN
            SELECT '{' || coalesce(string_agg(to_jsonb(e.key)::text || ':' || audit_canonical_json(e.value), ',' ORDER BY e.key COLLATE "C"), '') || '}'
              INTO out FROM jsonb_each(v) AS e;
          WHEN 'array' THEN
            SELECT '[' || coalesce(string_agg(audit_canonical_json(a.value), ',' ORDER BY a.n), '') || ']'
              INTO out FROM jsonb_array_elements(v) WITH ORDINALITY AS a(value, n);
          ELSE
            out := v::text;
        END CASE;
        RETURN out;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_event_hash(p_prev_hash text, p_stream text, p_seq integer, p_type text, p_at timestamptz,
                                       p_actor_id uuid, p_actor_username text, p_actor_role text, p_data jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(p_prev_hash || E'\\n' || audit_canonical_json(jsonb_build_object(
          'stream', p_stream, 'seq', p_seq, 'type', p_type,
          'at', to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'actor', jsonb_build_object('id', p_actor_id, 'username', p_actor_username, 'role', p_actor_role),
          'data', p_data)), 'UTF8')), 'hex')
      $$`);

    // Appends to a chain after taking its lock (audit_chain_head), as AuditService.append does.
    await queryRunner.query(`
      CREATE FUNCTION audit_append(p_stream text, p_case_id uuid, p_type text, p_at timestamptz,
                                   p_actor_id uuid, p_actor_username text, p_actor_role text, p_data jsonb) RETURNS character(64)
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        head record;
        v_seq integer;
        v_prev character(64);
        v_hash character(64);
      BEGIN
        SELECT h.head_seq, h.head_hash INTO head FROM audit_chain_head(p_stream) AS h;
        v_seq := coalesce(head.head_seq, 0) + 1;
        v_prev := coalesce(head.head_hash, repeat('0', 64));
        v_hash := audit_event_hash(v_prev, p_stream, v_seq, p_type, p_at, p_actor_id, p_actor_username, p_actor_role, p_data);
        INSERT INTO audit_events (stream, case_id, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash)
        VALUES (p_stream, p_case_id, v_seq, p_type, p_at, p_actor_id, p_actor_username, p_actor_role, p_data, v_prev, v_hash);
        RETURN v_hash;
      END $$`);

    // Who may claim a delegated case (eligibility.ts): inlined by the planner where it is used.
    await queryRunner.query(`
      CREATE FUNCTION queue_eligible(c_court_id uuid, c_scope text, c_org_id uuid, c_mediator_id uuid,
                                     m_court_id uuid, m_id uuid, m_org_id uuid) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT c_court_id = m_court_id AND (c_scope = 'court'
          OR (c_scope = 'organization' AND c_org_id = m_org_id)
          OR (c_scope = 'mediator' AND c_mediator_id = m_id))
      $$`);

    // SQLSTATE SU409 = the caller holds the court's cap of active cases (DETAIL: {"activeCases","cap"}),
    // SU403 = the caller's account is gone.
    await queryRunner.query(`
      CREATE FUNCTION queue_claim_next(p_mediator uuid, p_court uuid, p_org uuid, p_username text, p_now timestamptz,
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
        END IF;
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
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION queue_claim_next(uuid, uuid, uuid, text, timestamptz, jsonb, text, text)');
    await queryRunner.query('DROP FUNCTION queue_eligible(uuid, text, uuid, uuid, uuid, uuid, uuid)');
    await queryRunner.query('DROP FUNCTION audit_append(text, uuid, text, timestamptz, uuid, text, text, jsonb)');
    await queryRunner.query('DROP FUNCTION audit_event_hash(text, text, integer, text, timestamptz, uuid, text, text, jsonb)');
    await queryRunner.query('DROP FUNCTION audit_canonical_json(jsonb)');
  }
}
