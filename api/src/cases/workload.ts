import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { onActiveRosterSql } from '../users/mediator-roster.entity.js';

/**
 * Fairness: a court caps each mediator's active cases (409 WORKLOAD_CAP). Every claim (case
 * `claim` and queue `next`) first locks the mediator's user row, which orders one mediator's
 * concurrent claims: the active-case count read by a later statement of the transaction is exact
 * until it commits. Returns the court's cap.
 */
export async function lockMediatorWorkload(m: EntityManager, user: AuthUser, courtId: string): Promise<number> {
  const [row] = (await m.query(
    `SELECT c.workload_cap AS cap FROM users AS u JOIN courts AS c ON c.id = $2 WHERE u.id = $1 AND u.active FOR UPDATE OF u`,
    [user.id, courtId],
  )) as { cap: number }[];
  // The guard refuses a deactivated account's token; this closes the seconds its cached answer may lag.
  if (!row) throw forbidden('Your account is deactivated or no longer exists');
  // A statement of its own, after the lock: it sees a roster change the administrator committed meanwhile.
  const [roster] = (await m.query(`SELECT ${onActiveRosterSql('$1::uuid')} AS ok`, [user.id])) as { ok: boolean }[];
  if (!roster!.ok) throw rosterInactiveError();
  return row.cap;
}

/** The mediator's active cases, as SQL over the parameter holding their id. */
export const activeCasesSql = (mediatorParam: string) =>
  `(SELECT count(*)::int FROM cases WHERE assignee_id = ${mediatorParam} AND status = 'in_mediation')`;

export async function activeCases(m: EntityManager, mediatorId: string): Promise<number> {
  const [{ n }] = (await m.query(`SELECT ${activeCasesSql('$1')} AS n`, [mediatorId])) as { n: number }[];
  return n;
}

export const workloadCapError = (active: number, cap: number) =>
  new DomainError(
    'WORKLOAD_CAP',
    `You already hold ${active} active cases, the court's maximum of ${cap}; finish or release one first`,
    undefined,
    { activeCases: active, cap },
  );

/** A suspended or removed mediator (mediator_roster) takes no new case. */
export const rosterInactiveError = () =>
  forbidden('You are suspended from or removed off the court’s mediator roster and cannot take new cases');

export async function onActiveRoster(m: EntityManager, mediatorId: string): Promise<boolean> {
  const [row] = (await m.query(`SELECT ${onActiveRosterSql('$1::uuid')} AS ok`, [mediatorId])) as { ok: boolean }[];
  return row!.ok;
}
