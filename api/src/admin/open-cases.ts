import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { CaseActionsService } from '../cases/case-actions.service.js';

/**
 * Returns a mediator's cases in mediation to their queues when an administrator moves, suspends or
 * removes them and chooses so (issue 15: "their open cases stay theirs, or are released, the admin
 * chooses"); each through the release action, audited on the case, in the caller's transaction.
 * The mediator's user row is already locked by the caller, so no claim of theirs can slip in between.
 */
export async function releaseOpenCases(
  m: EntityManager,
  actions: CaseActionsService,
  admin: AuthUser,
  mediatorId: string,
  reason: string,
): Promise<string[]> {
  const rows = (await m.query(
    `SELECT id FROM cases WHERE assignee_id = $1 AND court_id = $2 AND status = 'in_mediation' ORDER BY accepted_at, id`,
    [mediatorId, admin.courtId],
  )) as { id: string }[];
  for (const { id } of rows) await actions.releaseForAdministrator(m, admin, id, reason);
  return rows.map((r) => r.id);
}
