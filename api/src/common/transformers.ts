import type { ValueTransformer } from 'typeorm';

/** bigint columns (money in fen, counters) arrive from pg as strings; keep them exact. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
