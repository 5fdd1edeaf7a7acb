import { describe, expect, it } from '@jest/globals';
import { ELIGIBILITY_VECTORS } from '../database/sql-twins.js';
import { eligibleForMediator } from './eligibility.js';

describe('eligibleForMediator (twin of queue_eligible in SQL)', () => {
  it.each(ELIGIBILITY_VECTORS)('$name → $eligible', ({ case: c, mediator, eligible }) => {
    const user = { ...mediator, role: 'mediator' as const, username: 'm', displayName: 'm' };
    expect(eligibleForMediator(c, user)).toBe(eligible);
  });

  it('is never true for another role', () => {
    const [v] = ELIGIBILITY_VECTORS;
    expect(eligibleForMediator(v!.case, { ...v!.mediator, role: 'clerk', username: 'c', displayName: 'c' })).toBe(false);
  });
});
