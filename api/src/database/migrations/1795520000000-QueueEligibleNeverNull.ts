import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `queue_eligible()` answered NULL instead of false for an organization's case and a mediator
 * without an organization (NULL = NULL). Inside a WHERE both exclude the case, but the function is
 * the SQL twin of `eligibleForMediator()` (database/sql-twins.ts) and must answer what it answers.
 * The court equality stays outside the coalesce so the planner still inlines it as an index condition.
 */
export class QueueEligibleNeverNull1795520000000 implements MigrationInterface {
  name = 'QueueEligibleNeverNull1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION queue_eligible(c_court_id uuid, c_scope text, c_org_id uuid, c_mediator_id uuid,
                                                m_court_id uuid, m_id uuid, m_org_id uuid) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT c_court_id = m_court_id AND coalesce(c_scope = 'court'
          OR (c_scope = 'organization' AND c_org_id = m_org_id)
          OR (c_scope = 'mediator' AND c_mediator_id = m_id), false)
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION queue_eligible(c_court_id uuid, c_scope text, c_org_id uuid, c_mediator_id uuid,
                                                m_court_id uuid, m_id uuid, m_org_id uuid) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT c_court_id = m_court_id AND (c_scope = 'court'
          OR (c_scope = 'organization' AND c_org_id = m_org_id)
          OR (c_scope = 'mediator' AND c_mediator_id = m_id))
      $$`);
  }
}
