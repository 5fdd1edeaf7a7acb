import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { ConfigError, loadDatabaseConfig } from '../config/app-config.js';
import { isDatabaseUnavailable } from './http-exception.filter.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable: the errors of a failover are 503, not 500', () => {
  it.each([
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5000')],
    ['57P01 admin_shutdown', wrapped(pgError('57P01', 'terminating connection due to administrator command'))],
    ['57P02 crash_shutdown', wrapped(pgError('57P02'))],
    ['57P03 cannot_connect_now', pgError('57P03', 'the database system is starting up')],
    ['08006 connection_failure', wrapped(pgError('08006'))],
    ['08001 unable to connect', pgError('08001')],
    ['25006 read-only after a demotion', wrapped(pgError('25006', 'cannot execute UPDATE in a read-only transaction'))],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', wrapped(pgError('23505'))],
    ['bad input', wrapped(pgError('22P02'))],
    ['a bug', new TypeError('x is undefined')],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  const primary = 'postgres://app@db:5000/sutiao';
  it('is a comma-separated list, empty by default', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: primary }).databaseReplicaUrls).toEqual([]);
    expect(
      loadDatabaseConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' postgres://app@r1:5001/sutiao , postgresql://app@r2/sutiao,' })
        .databaseReplicaUrls,
    ).toEqual(['postgres://app@r1:5001/sutiao', 'postgresql://app@r2/sutiao']);
  });
  it('needs DATABASE_URL and postgres URLs', () => {
    expect(() => loadDatabaseConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/sutiao' })).toThrow(ConfigError);
    expect(() => loadDatabaseConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://r1/x' })).toThrow(ConfigError);
  });
});
