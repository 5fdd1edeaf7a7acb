import { describe, expect, it } from '@jest/globals';
import { WORKLOAD_CAP_VECTORS } from '../database/sql-twins.js';
import { atWorkloadCap } from './workload.js';

describe('atWorkloadCap (twin of the cap check in queue_claim_next)', () => {
  it.each(WORKLOAD_CAP_VECTORS)('$active active of cap $cap → blocked $blocked', ({ active, cap, blocked }) => {
    expect(atWorkloadCap(active, cap)).toBe(blocked);
  });
});
