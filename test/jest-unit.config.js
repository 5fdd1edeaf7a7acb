// Pure unit tests beside the code (api/src/**/*.spec.ts): rules, renderers. No database.
export default {
  rootDir: '..',
  testMatch: ['<rootDir>/api/src/**/*.spec.ts'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testTimeout: 30000,
};
