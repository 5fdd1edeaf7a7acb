import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import type { LogThreshold } from '../common/app-logger.js';
import { weakSecretReason } from './secret-strength.js';

/** Typed, validated configuration. The only module that reads `process.env`. */
export interface AppConfig {
  /** NODE_ENV=production: a strong JWT_SECRET is required and demo data is never loaded. */
  production: boolean;
  port: number;
  /** Set when an external PostgreSQL is used; otherwise the embedded one under `dataDir`. The app connects with it. */
  databaseUrl: string | null;
  /** DATABASE_MIGRATION_URL: the owner's connection that runs migrations (and backups); null = DATABASE_URL does both. */
  databaseMigrationUrl: string | null;
  /**
   * DATABASE_REPLICA_URLS (comma-separated): read-only standbys (or a load balancer's replica port)
   * for the reads that tolerate a second of lag — statistics, exports, bulletins (see
   * common/read-replica.ts). Empty: every query goes to DATABASE_URL. Needs DATABASE_URL.
   */
  databaseReplicaUrls: string[];
  dataDir: string;
  demoSeed: boolean;
  demoPassword: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** Base URL printed in QR codes of documents. */
  publicUrl: string;
  logFormat: 'json' | 'text';
  /** Least severe level printed (LOG_LEVEL); Nest's per-route boot lines appear from `debug`. */
  logLevel: LogThreshold;
  /** Pool size per API instance: bounded, never one connection per user. */
  dbPoolSize: number;
  /** Serve the built SPA from dist/web/browser. */
  webRoot: string;
  /**
   * TRUST_PROXY: Express's `trust proxy` — which peers may speak for the client in X-Forwarded-For
   * (and so decide `req.ip` for rate limits). Default false: none, the socket address counts.
   */
  trustProxy: TrustProxy;
  audit: AuditConfig;
  sms: SmsConfig;
}

/** How text messages (sign-in codes, reminders) leave the system (sms/sms.module.ts). */
export interface SmsConfig {
  /** SMS_GATEWAY: `outbox` stores messages for the administrator to read (demos, tests); `http` posts them to a provider. */
  gateway: 'outbox' | 'http';
  /** SMS_HTTP_URL: the provider's endpoint (https in production). */
  httpUrl: string | null;
  /** SMS_HTTP_SECRET: sent as `Authorization: Bearer …`. */
  httpSecret: string | null;
  /** SMS_HTTP_TIMEOUT_MS (default 5000). */
  httpTimeoutMs: number;
}

/** Signed audit checkpoints (audit/audit-checkpoint.service.ts, docs/security.md). */
export interface AuditConfig {
  /** Ed25519 private key, PKCS#8 PEM: AUDIT_SIGNING_KEY, else `signingKeyFile`; null until the app first starts and creates the file. */
  signingKeyPem: string | null;
  /** DATA_DIR/keys/audit-signing-key.pem (mode 0600), used when AUDIT_SIGNING_KEY is unset. */
  signingKeyFile: string;
  /** AUDIT_PUBLIC_KEY — PEM text or the path of a PEM file: the off-server copy of the public key(s) `audit:verify` trusts. */
  trustedPublicKeysPem: string | null;
  /** AUDIT_CHECKPOINT_MINUTES: how often a full checkpoint is signed (default 10; 0 = only at document issue). */
  checkpointMinutes: number;
}

export class ConfigError extends Error {}

/** false (trust no proxy), a hop count, or addresses/CIDRs/`loopback`|`linklocal`|`uniquelocal`. */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxyFrom(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return intFrom(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!TRUST_PROXY_NAMES.has(entry) && (version === 0 || !bitsOk || extra !== undefined)) {
      throw new ConfigError(
        `TRUST_PROXY must be false, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDRs; "${entry}" is none of these`,
      );
    }
  }
  return entries;
}

/** The demo accounts' password unless DEMO_PASSWORD says otherwise (public: it is in the README). */
export const DEFAULT_DEMO_PASSWORD = 'sutiao-demo';

export interface LoadConfigOptions {
  /** `npm start` is the demo: DEMO_SEED defaults to 1 there — outside production. */
  demoSeedByDefault?: boolean;
}

/** Production signs tokens only with a secret the operator chose, and a strong one. */
function productionJwtSecret(raw: string | undefined): string {
  const how = 'Set JWT_SECRET to at least 32 random bytes, the same on every instance, e.g. JWT_SECRET="$(openssl rand -base64 48)"';
  if (!raw) throw new ConfigError(`JWT_SECRET is required when NODE_ENV=production. ${how}.`);
  const weak = weakSecretReason(raw);
  if (weak) throw new ConfigError(`JWT_SECRET is too weak for production: ${weak}. ${how}.`);
  return raw;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flagFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** A secret kept under DATA_DIR so tokens survive restarts without asking the user for one. */
function persistentSecret(dataDir: string, name: string): string {
  const dir = join(dataDir, 'keys');
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // The data dir itself must stay enterable by the embedded PostgreSQL's `postgres` user.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** PEM from an env var: a literal backslash-n (one-line env files) stands for a newline. */
const pemFrom = (raw: string) => raw.trim().replace(/\\n/g, '\n');

function auditConfigFrom(env: NodeJS.ProcessEnv, dataDir: string): AuditConfig {
  const signingKeyFile = join(dataDir, 'keys', 'audit-signing-key.pem');
  let signingKeyPem: string | null = null;
  if (env.AUDIT_SIGNING_KEY?.trim()) signingKeyPem = pemFrom(env.AUDIT_SIGNING_KEY);
  else if (existsSync(signingKeyFile)) signingKeyPem = readFileSync(signingKeyFile, 'utf8');
  if (signingKeyPem !== null) {
    let type: string | undefined;
    try {
      type = createPrivateKey(signingKeyPem).asymmetricKeyType;
    } catch (e) {
      throw new ConfigError(
        `The audit signing key (${env.AUDIT_SIGNING_KEY?.trim() ? 'AUDIT_SIGNING_KEY' : signingKeyFile}) is not a PKCS#8 PEM private key: ${(e as Error).message}`,
      );
    }
    if (type !== 'ed25519') throw new ConfigError(`The audit signing key must be an Ed25519 key, not ${type}`);
  }
  const pub = env.AUDIT_PUBLIC_KEY?.trim();
  let trustedPublicKeysPem: string | null = null;
  if (pub) {
    if (pub.includes('-----BEGIN')) trustedPublicKeysPem = pemFrom(pub);
    else if (existsSync(pub)) trustedPublicKeysPem = readFileSync(pub, 'utf8');
    else throw new ConfigError(`AUDIT_PUBLIC_KEY must be a PEM public key or the path of one; no file "${pub}"`);
  }
  return {
    signingKeyPem,
    signingKeyFile,
    trustedPublicKeysPem,
    checkpointMinutes: intFrom(env, 'AUDIT_CHECKPOINT_MINUTES', 10, 0, 24 * 60),
  };
}

/**
 * The audit signing key, created on the app's first start when none is configured: an Ed25519
 * key in DATA_DIR/keys (0600) and its public key beside it (`.pub.pem`) for the operator to copy
 * off the server. `audit:verify` never creates one.
 */
export function ensureAuditSigningKey(config: AppConfig): { pem: string; created: boolean } {
  if (config.audit.signingKeyPem) return { pem: config.audit.signingKeyPem, created: false };
  const file = config.audit.signingKeyFile;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
  mkdirSync(join(config.dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written aside, then linked into place: a process sharing DATA_DIR never reads a half-written key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, pem, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { pem: readFileSync(file, 'utf8'), created: false };
  } finally {
    unlinkSync(draft);
  }
  writeFileSync(file.replace(/\.pem$/, '.pub.pem'), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(), {
    mode: 0o644,
  });
  config.audit.signingKeyPem = pem;
  return { pem, created: true };
}

const THRESHOLDS: readonly LogThreshold[] = ['error', 'warn', 'log', 'debug', 'verbose'];

function levelFrom(env: NodeJS.ProcessEnv): LogThreshold {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'log';
  if (!(THRESHOLDS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${THRESHOLDS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return raw as LogThreshold;
}

export interface DatabaseConfig {
  databaseUrl: string | null;
  databaseMigrationUrl: string | null;
  databaseReplicaUrls: string[];
  dataDir: string;
}

/** The database settings alone, for the command-line tools (no secrets are created). */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = (name: string) => {
    const value = env[name]?.trim() || null;
    if (value && !/^postgres(ql)?:\/\//.test(value)) throw new ConfigError(`${name} must start with postgres:// or postgresql://`);
    return value;
  };
  const databaseUrl = url('DATABASE_URL');
  const databaseMigrationUrl = url('DATABASE_MIGRATION_URL');
  if (databaseMigrationUrl && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_MIGRATION_URL needs DATABASE_URL too (the app connects with DATABASE_URL, migrations with DATABASE_MIGRATION_URL)',
    );
  }
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const replica of databaseReplicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(replica)) {
      throw new ConfigError('DATABASE_REPLICA_URLS must be a comma-separated list of postgres:// or postgresql:// URLs');
    }
  }
  if (databaseReplicaUrls.length && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_REPLICA_URLS needs DATABASE_URL too (the primary takes the writes and the queue; the embedded PostgreSQL has no replicas)',
    );
  }
  return { databaseUrl, databaseMigrationUrl, databaseReplicaUrls, dataDir: resolve(env.DATA_DIR || './.data') };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: LoadConfigOptions = {}): AppConfig {
  const production = env.NODE_ENV === 'production';
  const demoSeed = flagFrom(env, 'DEMO_SEED', !!opts.demoSeedByDefault && !production);
  if (production && demoSeed) {
    throw new ConfigError(
      'DEMO_SEED=1 is not allowed when NODE_ENV=production: demo accounts share a published password. Unset DEMO_SEED; create the first administrator with `npm run admin:create -- --username NAME`.',
    );
  }
  const jwtSecret = production ? productionJwtSecret(env.JWT_SECRET) : undefined;
  const port = intFrom(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || './.data');
  const { databaseUrl, databaseMigrationUrl, databaseReplicaUrls } = loadDatabaseConfig(env);
  const demoPassword = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  return {
    production,
    port,
    databaseUrl,
    databaseMigrationUrl,
    databaseReplicaUrls,
    dataDir,
    demoSeed,
    demoPassword,
    jwtSecret: jwtSecret ?? (env.JWT_SECRET || persistentSecret(dataDir, 'jwt-secret')),
    jwtTtlSeconds: intFrom(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    logFormat: env.LOG_FORMAT === 'json' || env.NODE_ENV === 'production' ? 'json' : 'text',
    logLevel: levelFrom(env),
    dbPoolSize: intFrom(env, 'DB_POOL_SIZE', 20, 2, 200),
    webRoot: resolve(env.WEB_ROOT || 'dist/web/browser'),
    trustProxy: trustProxyFrom(env),
    audit: auditConfigFrom(env, dataDir),
    sms: smsConfigFrom(env, production),
  };
}

function smsConfigFrom(env: NodeJS.ProcessEnv, production: boolean): SmsConfig {
  const raw = env.SMS_GATEWAY?.trim() || (production ? '' : 'outbox');
  if (production && raw === 'outbox') {
    throw new ConfigError(
      'SMS_GATEWAY=outbox is not allowed when NODE_ENV=production: codes would never reach the parties. Set SMS_GATEWAY=http with SMS_HTTP_URL and SMS_HTTP_SECRET.',
    );
  }
  if (raw !== 'outbox' && raw !== 'http') {
    throw new ConfigError(
      production
        ? 'SMS_GATEWAY=http (with SMS_HTTP_URL and SMS_HTTP_SECRET) is required when NODE_ENV=production'
        : `SMS_GATEWAY must be outbox or http, got "${raw}"`,
    );
  }
  const httpUrl = env.SMS_HTTP_URL?.trim() || null;
  const httpSecret = env.SMS_HTTP_SECRET?.trim() || null;
  if (raw === 'http') {
    if (!httpUrl || !/^https?:\/\//.test(httpUrl)) throw new ConfigError('SMS_GATEWAY=http needs SMS_HTTP_URL, an http(s) URL');
    if (production && !httpUrl.startsWith('https://')) throw new ConfigError('SMS_HTTP_URL must be https:// in production');
    if (!httpSecret) throw new ConfigError('SMS_GATEWAY=http needs SMS_HTTP_SECRET');
  }
  return { gateway: raw, httpUrl, httpSecret, httpTimeoutMs: intFrom(env, 'SMS_HTTP_TIMEOUT_MS', 5000, 100, 60000) };
}

/** `npm start`: this process's configuration; it is the demo, so DEMO_SEED defaults to 1 (outside production). */
export function loadStartConfig(): AppConfig {
  return loadConfig(process.env, { demoSeedByDefault: true });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
