import type { AuthUser } from '../auth/auth-user.js';
import type { Case } from './case.entity.js';

/**
 * Who may claim a delegated case: a named mediator only that mediator; an organization its
 * mediators; the court-wide pool every mediator docked with the court.
 */
export function eligibleForMediator(c: Pick<Case, 'courtId' | 'queueScope' | 'delegatedOrganizationId' | 'delegatedMediatorId'>, user: AuthUser): boolean {
  if (user.role !== 'mediator' || c.courtId !== user.courtId) return false;
  switch (c.queueScope) {
    case 'mediator': return c.delegatedMediatorId === user.id;
    case 'organization': return !!user.organizationId && c.delegatedOrganizationId === user.organizationId;
    case 'court': return true;
    default: return false;
  }
}

/**
 * The same rule in SQL, for queue scans over `cases` aliased `alias` (see `eligibleForMediator`).
 * Appends its parameters to `params` and refers to them by position.
 */
export function eligibleForMediatorSql(alias: string, user: AuthUser, params: unknown[]): string {
  if (user.role !== 'mediator') return 'false';
  params.push(user.courtId, user.id, user.organizationId);
  const [court, me, org] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}`);
  return `${alias}.court_id = ${court}::uuid AND (${alias}.queue_scope = 'court'
    OR (${alias}.queue_scope = 'organization' AND ${alias}.delegated_organization_id = ${org}::uuid)
    OR (${alias}.queue_scope = 'mediator' AND ${alias}.delegated_mediator_id = ${me}::uuid))`;
}
