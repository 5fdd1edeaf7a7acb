import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './chain.js';

/**
 * What an audit checkpoint signs. A checkpoint commits to the events appended to some chains since
 * the previous checkpoint (`entries`: per chain the seq range and the hash of every event in it)
 * and to the previous checkpoint's digest, so the checkpoints form a signed chain of their own:
 * the authenticated history of every chain's hashes, checkable without trusting the database.
 */
export const CHECKPOINT_FORMAT = 'sutiao-audit-checkpoint/1';
export const NO_PREVIOUS_CHECKPOINT = '0'.repeat(64);

/** `all`: every event committed before `signedAt` is covered by this or an earlier checkpoint. */
export type CheckpointScope = 'all' | 'streams';

export interface CheckpointEntry {
  stream: string;
  firstSeq: number;
  lastSeq: number;
  /** The events' hashes, seq `firstSeq` … `lastSeq`, 32 bytes each. */
  hashes: Buffer;
}

export interface CheckpointStatement {
  number: number;
  scope: CheckpointScope;
  signedAt: Date;
  prevDigest: string;
  keyId: string;
  /** Chains and events covered by checkpoints 1 … number together. */
  totalStreams: number;
  totalEvents: number;
  entryCount: number;
  entriesDigest: string;
}

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** Entries in code-unit order of their stream, one canonical JSON line each. */
export function entriesDigest(entries: readonly CheckpointEntry[]): string {
  const h = createHash('sha256');
  for (const e of [...entries].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0))) {
    h.update(canonicalJson([e.stream, e.firstSeq, e.lastSeq, e.hashes.toString('hex')])).update('\n');
  }
  return h.digest('hex');
}

/** The exact bytes signed. */
export function checkpointMessage(s: CheckpointStatement): string {
  return canonicalJson({
    format: CHECKPOINT_FORMAT,
    number: s.number,
    scope: s.scope,
    signedAt: s.signedAt.toISOString(),
    prevDigest: s.prevDigest,
    keyId: s.keyId,
    totalStreams: s.totalStreams,
    totalEvents: s.totalEvents,
    entryCount: s.entryCount,
    entries: s.entriesDigest,
  });
}

export const checkpointDigest = (s: CheckpointStatement) => sha256(checkpointMessage(s));

/** First 16 hex digits of the sha256 of the key's SPKI DER: names the key in every checkpoint. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** An Ed25519 private key in PKCS#8 PEM. */
export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Every Ed25519 public key (SPKI PEM) in a text, by key id: several when keys were rotated. */
export function publicKeysFromPem(text: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const block of text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []) {
    const key = createPublicKey(block);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`audit public keys must be Ed25519, not ${key.asymmetricKeyType}`);
    keys.set(keyIdOf(key), key);
  }
  return keys;
}

export function signCheckpoint(key: SigningKey, s: CheckpointStatement): string {
  return sign(null, Buffer.from(checkpointMessage(s)), key.privateKey).toString('base64');
}

export function checkpointSignatureValid(publicKey: KeyObject, s: CheckpointStatement, signature: string): boolean {
  return verify(null, Buffer.from(checkpointMessage(s)), publicKey, Buffer.from(signature, 'base64'));
}
