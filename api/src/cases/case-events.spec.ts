import { describe, expect, it } from '@jest/globals';
import type { AuthUser } from '../auth/auth-user.js';
import { concerns, MAX_NOTIFY_PAYLOAD, notifyPayloads, parseEvents, type QueueEvent } from './case-events.js';

const COURT = '00000000-0000-4000-8000-000000000001';
const ORG = '00000000-0000-4000-8000-0000000000a1';
const event = (over: Partial<QueueEvent> = {}): QueueEvent => ({
  type: 'claimed',
  caseId: '00000000-0000-4000-8000-00000000c001',
  courtId: COURT,
  scope: 'court',
  organizationId: null,
  mediatorId: null,
  at: '2026-11-23T01:02:03.000Z',
  ...over,
});
const mediator = (over: Partial<AuthUser> = {}): AuthUser => ({
  id: '00000000-0000-4000-8000-0000000000b1',
  username: 'm1',
  displayName: '调解员',
  role: 'mediator',
  courtId: COURT,
  organizationId: ORG,
  ...over,
});

describe('parseEvents', () => {
  it('reads one event (published in a transaction) or a batch', () => {
    expect(parseEvents(JSON.stringify(event()))).toEqual([event()]);
    expect(parseEvents(JSON.stringify([event(), event({ type: 'released' })]))).toHaveLength(2);
  });

  it.each([
    ['not json'],
    ['{}'],
    [JSON.stringify([event(), { type: 'claimed' }])],
    [JSON.stringify(event({ type: 'nonsense' as never }))],
    [undefined],
  ])('refuses %p', (payload) => {
    expect(parseEvents(payload)).toBeNull();
  });
});

describe('notifyPayloads', () => {
  it('packs events into as few NOTIFY payloads as fit under the limit, losing none', () => {
    const events = Array.from({ length: 500 }, (_, i) => event({ caseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const payloads = notifyPayloads(events);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((p) => Buffer.byteLength(p) <= MAX_NOTIFY_PAYLOAD)).toBe(true);
    expect(payloads.flatMap((p) => parseEvents(p)!)).toEqual(events);
  });

  it('sends nothing for no events', () => {
    expect(notifyPayloads([])).toEqual([]);
  });
});

describe('concerns', () => {
  it.each([
    ['court-wide case, same court', event(), mediator(), true],
    ['court-wide case, other court', event({ courtId: '00000000-0000-4000-8000-000000000002' }), mediator(), false],
    ['case of my organization', event({ scope: 'organization', organizationId: ORG }), mediator(), true],
    [
      'case of another organization',
      event({ scope: 'organization', organizationId: '00000000-0000-4000-8000-0000000000a2' }),
      mediator(),
      false,
    ],
    ['case named to me', event({ scope: 'mediator', mediatorId: mediator().id }), mediator(), true],
    ['case named to a colleague', event({ scope: 'mediator', mediatorId: '00000000-0000-4000-8000-0000000000b2' }), mediator(), false],
    ['a clerk never has a queue', event(), mediator({ role: 'clerk' }), false],
  ])('%s', (_, e, user, expected) => {
    expect(concerns(e, user)).toBe(expected);
  });
});
