// HTTP e2e (supertest) and browser tests against a real PostgreSQL: every test file gets its own
// database cloned from a migrated template, so files run in parallel without sharing state.
export default {
  rootDir: '..',
  testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts', '<rootDir>/test/web/**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }] },
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
