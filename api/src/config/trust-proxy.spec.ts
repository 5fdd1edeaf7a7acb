import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const trustProxyOf = (value?: string) =>
  loadConfig({
    JWT_SECRET: 'unit-test-secret',
    DATA_DIR: '/tmp/sutiao-unit-config',
    ...(value === undefined ? {} : { TRUST_PROXY: value }),
  }).trustProxy;

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, uniquelocal', ['loopback', 'uniquelocal']],
    ['10.0.0.1,10.0.0.0/8, fd00::/8', ['10.0.0.1', '10.0.0.0/8', 'fd00::/8']],
  ])('%j → %j', (value, expected) => {
    expect(trustProxyOf(value)).toEqual(expected);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0.1/8/2', 'proxy.example.org', '11', '-1'])('refuses %j', (value) => {
    expect(() => trustProxyOf(value)).toThrow(ConfigError);
  });
});
