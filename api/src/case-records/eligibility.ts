import type { AuthUser } from '../auth/auth-user.js';
import type { Case } from './case.entity.js';

/**
 * Who may claim a delegated case: a named mediator only that mediator; an organization its
 * mediators; the court-wide pool every mediator docked with the court.
 */
export function eligibleForMediator(
  c: Pick<Case, 'courtId' | 'queueScope' | 'delegatedOrganizationId' | 'delegatedMediatorId'>,
  user: AuthUser,
): boolean {
  if (user.role !== 'mediator' || c.courtId !== user.courtId) return false;
  switch (c.queueScope) {
    case 'mediator':
      return c.delegatedMediatorId === user.id;
    case 'organization':
      return !!user.organizationId && c.delegatedOrganizationId === user.organizationId;
    case 'court':
      return true;
    default:
      return false;
  }
}

/**
 * The same rule in SQL (the function queue_eligible, shared with queue_claim_next), for queue scans over `cases` aliased `alias` (see `eligibleForMediator`).
 * Appends its parameters to `params` and refers to them by position.
 */
export function eligibleForMediatorSql(alias: string, user: AuthUser, params: unknown[]): string {
  if (user.role !== 'mediator') return 'false';
  params.push(user.courtId, user.id, user.organizationId);
  const [court, me, org] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}`);
  // queue_eligible() (migration QueueClaimFunction) is this rule in SQL; the planner inlines it.
  return `queue_eligible(${alias}.court_id, ${alias}.queue_scope, ${alias}.delegated_organization_id, ${alias}.delegated_mediator_id, ${court}::uuid, ${me}::uuid, ${org}::uuid)`;
}
