import { describe, expect, it } from '@jest/globals';
import {
  ACTION_LABELS,
  actorsFor,
  CASE_ACTIONS,
  CASE_STATUSES,
  canAct,
  type CaseAction,
  type CaseStatus,
  isRejectionGround,
  isTerminal,
  isTerminationReason,
  nextStatus,
  REJECTION_GROUNDS,
  STATUS_LABELS,
  STATUSES_WITH_AGREEMENT,
  TERMINATION_REASONS,
  type TransitionDetail,
  TRANSITIONS,
} from './case-status.js';

/**
 * The contract's "Cases" section written out by hand, independently of TRANSITIONS: for each
 * status, the actions it allows and where they lead (with the detail that decides the branch).
 * Every pair not listed here must be refused.
 */
const ALLOWED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  registered: { delegate: 'delegated', terminate: 'failed' },
  delegated: { claim: 'in_mediation', decline: 'registered', terminate: 'failed' },
  in_mediation: {
    release: 'delegated',
    record_session: 'in_mediation',
    extend: 'in_mediation',
    agree: 'agreed',
    issue_agreement: 'in_mediation',
    sign_agreement: 'in_mediation',
    terminate: 'failed',
  },
  agreed: { apply_confirmation: 'confirmation_pending', conclude: 'concluded' },
  confirmation_pending: {
    decide_confirmation: 'confirmed',
    review_confirmation: 'confirmation_pending',
    close_confirmation: 'confirmation_closed',
  },
  confirmed: {},
  confirmation_rejected: {},
  failed: {},
  withdrawn: {},
  concluded: {},
  confirmation_closed: {},
};

/** The detail each action is taken with in the matrix below. */
const DEFAULT_DETAIL: Partial<Record<CaseAction, TransitionDetail>> = {
  terminate: { reason: 'irreconcilable' },
  decide_confirmation: { result: 'confirmed' },
};

const ALL_PAIRS = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action) => [status, action] as const));

describe('every (status, action) pair', () => {
  it('covers 11 statuses × 15 actions', () => {
    expect(ALL_PAIRS).toHaveLength(165);
  });

  it.each(ALL_PAIRS)('%s + %s', (status, action) => {
    const expected = ALLOWED[status][action] ?? null;
    expect(canAct(status, action)).toBe(expected !== null);
    expect(nextStatus(status, action, DEFAULT_DETAIL[action])).toBe(expected);
  });
});

describe('branches decided by the detail', () => {
  it('sign_agreement takes effect (agreed) only with the last signature', () => {
    expect(nextStatus('in_mediation', 'sign_agreement', { completesSignatures: true })).toBe('agreed');
    expect(nextStatus('in_mediation', 'sign_agreement', { completesSignatures: false })).toBe('in_mediation');
    expect(nextStatus('agreed', 'sign_agreement', { completesSignatures: true })).toBeNull();
  });

  it.each(['registered', 'delegated', 'in_mediation'] as const)('terminate from %s', (status) => {
    expect(nextStatus(status, 'terminate', { reason: 'applicant_withdrew' })).toBe('withdrawn');
    for (const reason of Object.keys(TERMINATION_REASONS) as (keyof typeof TERMINATION_REASONS)[]) {
      if (reason === 'applicant_withdrew') continue;
      expect(nextStatus(status, 'terminate', { reason })).toBe('failed');
    }
    // No reason given: the case did not end by withdrawal, so it failed.
    expect(nextStatus(status, 'terminate')).toBe('failed');
  });

  it('decide_confirmation follows the result', () => {
    expect(nextStatus('confirmation_pending', 'decide_confirmation', { result: 'confirmed' })).toBe('confirmed');
    expect(nextStatus('confirmation_pending', 'decide_confirmation', { result: 'rejected' })).toBe('confirmation_rejected');
  });

  it('decide_confirmation without a result is a programming error', () => {
    expect(() => nextStatus('confirmation_pending', 'decide_confirmation')).toThrow(TypeError);
  });

  it('an illegal action stays illegal whatever the detail', () => {
    expect(nextStatus('agreed', 'terminate', { reason: 'applicant_withdrew' })).toBeNull();
    expect(nextStatus('confirmed', 'decide_confirmation', { result: 'rejected' })).toBeNull();
  });
});

describe('terminal statuses', () => {
  it.each<[CaseStatus, boolean]>([
    ['registered', false],
    ['delegated', false],
    ['in_mediation', false],
    ['agreed', false],
    ['confirmation_pending', false],
    ['confirmed', true],
    ['confirmation_rejected', true],
    ['failed', true],
    ['withdrawn', true],
  ])('%s terminal: %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });
});

describe('the transition table', () => {
  it('names only known statuses and actions, and every action has a row', () => {
    for (const rule of TRANSITIONS) {
      expect(CASE_ACTIONS).toContain(rule.action);
      expect(CASE_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(CASE_STATUSES).toContain(from);
      expect(rule.basis.length).toBeGreaterThan(0);
    }
    for (const action of CASE_ACTIONS) expect(TRANSITIONS.some((rule) => rule.action === action)).toBe(true);
  });

  it.each<[CaseAction, string[]]>([
    ['delegate', ['clerk']],
    ['claim', ['mediator']],
    ['release', ['assignee', 'admin']],
    ['decline', ['named_mediator']],
    ['record_session', ['assignee']],
    ['extend', ['assignee']],
    ['agree', ['assignee']],
    ['terminate', ['assignee', 'clerk']],
    ['apply_confirmation', ['clerk']],
    ['decide_confirmation', ['judge']],
  ])('%s is taken by %j', (action, actors) => {
    expect(actorsFor(action)).toEqual(actors);
  });

  it('rows of one action agree on who may act', () => {
    for (const action of CASE_ACTIONS) {
      const actorSets = TRANSITIONS.filter((rule) => rule.action === action).map((rule) => rule.actors.join());
      expect(new Set(actorSets).size).toBe(1);
    }
  });
});

describe('labels and codes', () => {
  it('labels every status and action in Chinese', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...CASE_ACTIONS].sort());
    for (const label of [...Object.values(STATUS_LABELS), ...Object.values(ACTION_LABELS)]) {
      expect(label).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('has exactly the contract termination reasons, citing Art. 25 items (二)–(八)', () => {
    expect(Object.keys(TERMINATION_REASONS)).toEqual([
      'applicant_withdrew',
      'unreachable',
      'party_refused',
      'irreconcilable',
      'expired',
      'refused_to_sign',
      'other',
    ]);
    const items = Object.values(TERMINATION_REASONS).map((r) => r.basis.replace(/^.*第（(.)）项$/, '$1'));
    expect(items).toEqual(['二', '三', '四', '五', '六', '七', '八']);
    for (const { basis } of Object.values(TERMINATION_REASONS)) expect(basis).toContain('人民法院在线调解规则》第二十五条');
  });

  it('has exactly the contract rejection grounds, citing Arts. 358 and 355', () => {
    expect(Object.keys(REJECTION_GROUNDS)).toEqual([
      'violates_mandatory_law',
      'harms_third_party_or_public',
      'against_public_order',
      'not_voluntary',
      'unclear_content',
      'excluded_matter',
      'other',
    ]);
    expect(REJECTION_GROUNDS.violates_mandatory_law.basis).toMatch(/第三百五十八条第（一）项$/);
    expect(REJECTION_GROUNDS.unclear_content.basis).toMatch(/第三百五十八条第（五）项$/);
    expect(REJECTION_GROUNDS.other.basis).toMatch(/第三百五十八条第（六）项$/);
    expect(REJECTION_GROUNDS.excluded_matter.basis).toMatch(/第三百五十五条第二款$/);
  });

  it.each<[unknown, boolean]>([
    ['applicant_withdrew', true],
    ['expired', true],
    ['agreement_reached', false],
    ['toString', false],
    ['', false],
    [7, false],
  ])('isTerminationReason(%p) = %s', (value, expected) => {
    expect(isTerminationReason(value)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    ['not_voluntary', true],
    ['excluded_matter', true],
    ['applicant_withdrew', false],
    ['constructor', false],
    [null, false],
  ])('isRejectionGround(%p) = %s', (value, expected) => {
    expect(isRejectionGround(value)).toBe(expected);
  });

  it('lists the statuses reached through an agreement', () => {
    expect([...STATUSES_WITH_AGREEMENT]).toEqual([
      'agreed',
      'confirmation_pending',
      'confirmed',
      'confirmation_rejected',
      'concluded',
      'confirmation_closed',
    ]);
  });
});
