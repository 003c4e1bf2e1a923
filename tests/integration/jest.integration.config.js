/*
 * Integration suite: the real Jaeger, the demo services and HotROD (scripts/stack). The global setup
 * reuses a running stack (state file) or starts one, and the teardown stops only what it started.
 * Run: npx jest -c tests/integration/jest.integration.config.js
 */
const path = require('path');

process.env.TZ = 'UTC';

const swcTransform = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', tsx: false, decorators: false, dynamicImport: true } },
  },
];

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'integration',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  modulePaths: ['<rootDir>/src'],
  globalSetup: '<rootDir>/tests/integration/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/integration/globalTeardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
