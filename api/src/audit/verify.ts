import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { verifyAuditTrail } from './verify-trail.js';

export interface BrokenLink {
  stream: string;
  seq: number;
  id: string;
  problem: string;
}
export interface VerifyResult {
  streams: number;
  events: number;
  broken: BrokenLink | null;
}

/**
 * Recomputes every chain and compares it with the signed checkpoints (verify-trail.ts); `broken`
 * is the first finding. Signatures are checked only when trusted keys are given.
 */
export async function verifyAuditChains(
  ds: DataSource,
  batchSize = 5000,
  publicKeys: Map<string, KeyObject> | null = null,
): Promise<VerifyResult> {
  const report = await verifyAuditTrail(ds, { batchSize, publicKeys });
  const f = report.findings[0];
  return {
    streams: report.streams,
    events: report.events,
    broken: f ? { stream: f.stream ?? '', seq: f.seqFrom ?? 0, id: f.eventId ?? '', problem: f.problem } : null,
  };
}
