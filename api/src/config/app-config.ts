import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LogThreshold } from '../common/app-logger.js';

/** Typed, validated configuration. The only module that reads `process.env`. */
export interface AppConfig {
  port: number;
  /** Set when an external PostgreSQL is used; otherwise the embedded one under `dataDir`. */
  databaseUrl: string | null;
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
}

export class ConfigError extends Error {}

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

const THRESHOLDS: readonly LogThreshold[] = ['error', 'warn', 'log', 'debug', 'verbose'];

function levelFrom(env: NodeJS.ProcessEnv): LogThreshold {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'log';
  if (!(THRESHOLDS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${THRESHOLDS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return raw as LogThreshold;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = intFrom(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || './.data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demoPassword = env.DEMO_PASSWORD || 'sutiao-demo';
  return {
    port,
    databaseUrl,
    dataDir,
    demoSeed: flagFrom(env, 'DEMO_SEED', false),
    demoPassword,
    jwtSecret: env.JWT_SECRET || persistentSecret(dataDir, 'jwt-secret'),
    jwtTtlSeconds: intFrom(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    logFormat: env.LOG_FORMAT === 'json' || env.NODE_ENV === 'production' ? 'json' : 'text',
    logLevel: levelFrom(env),
    dbPoolSize: intFrom(env, 'DB_POOL_SIZE', 20, 2, 200),
    webRoot: resolve(env.WEB_ROOT || 'dist/web/browser'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
