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
