import { describe, expect, it } from 'vitest';
import { aCase } from '../testing/fixtures';
import { byDecisionDue } from './judge-api';

describe('byDecisionDue', () => {
  it('puts the earliest decisionDueOn first and cases without one last', () => {
    const due = (id: string, decisionDueOn: string | null) =>
      aCase({ id, caseNumber: id, deadlines: { acceptBy: null, mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn } });
    const sorted = [due('a', '2026-12-05'), due('b', null), due('c', '2026-11-30'), due('d', '2026-12-05')].sort(byDecisionDue);
    expect(sorted.map((c) => c.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});
