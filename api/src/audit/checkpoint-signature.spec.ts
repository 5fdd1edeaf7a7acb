import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  checkpointMessage,
  checkpointSignatureValid,
  type CheckpointStatement,
  entriesDigest,
  NO_PREVIOUS_CHECKPOINT,
  publicKeyPem,
  publicKeysFromPem,
  signCheckpoint,
  signingKeyFromPem,
} from './checkpoint-signature.js';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const entries = [
  { stream: 'system', firstSeq: 1, lastSeq: 1, hashes: Buffer.alloc(32, 1) },
  { stream: 'case:00000000-0000-4000-8000-000000000001', firstSeq: 3, lastSeq: 4, hashes: Buffer.alloc(64, 2) },
];

describe('checkpoint signatures', () => {
  const key = signingKeyFromPem(pem());
  const statement: CheckpointStatement = {
    number: 7,
    scope: 'all',
    signedAt: new Date('2026-12-04T10:00:00.000Z'),
    prevDigest: NO_PREVIOUS_CHECKPOINT,
    keyId: key.keyId,
    totalStreams: 2,
    totalEvents: 5,
    entryCount: 2,
    entriesDigest: entriesDigest(entries),
  };

  it('verifies what was signed and nothing else', () => {
    const signature = signCheckpoint(key, statement);
    expect(checkpointSignatureValid(key.publicKey, statement, signature)).toBe(true);
    for (const changed of [
      { number: 8 },
      { scope: 'streams' as const },
      { totalEvents: 4 },
      { signedAt: new Date('2026-12-04T10:00:00.001Z') },
    ]) {
      expect(checkpointSignatureValid(key.publicKey, { ...statement, ...changed }, signature)).toBe(false);
    }
    expect(checkpointSignatureValid(signingKeyFromPem(pem()).publicKey, statement, signature)).toBe(false);
  });

  it('digests entries independently of their order but not of their hashes', () => {
    expect(entriesDigest([...entries].reverse())).toBe(entriesDigest(entries));
    expect(entriesDigest([entries[0]!, { ...entries[1]!, hashes: Buffer.alloc(64, 3) }])).not.toBe(entriesDigest(entries));
    expect(entriesDigest([entries[0]!])).not.toBe(entriesDigest(entries));
  });

  it('signs a canonical message naming the format', () => {
    expect(JSON.parse(checkpointMessage(statement))).toMatchObject({ format: 'sutiao-audit-checkpoint/1', number: 7, keyId: key.keyId });
  });

  it('reads several public keys (rotation) by key id, and refuses other key types', () => {
    const other = signingKeyFromPem(pem());
    const keys = publicKeysFromPem(`${publicKeyPem(key.publicKey)}\n# old key\n${publicKeyPem(other.publicKey)}`);
    expect([...keys.keys()].sort()).toEqual([key.keyId, other.keyId].sort());
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => publicKeysFromPem(rsa)).toThrow(/Ed25519/);
  });
});
