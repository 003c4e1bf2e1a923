// Contract tests on the built dist/ bundle; run by scripts/test-all.sh after `npm run build`.
process.env.TZ = 'UTC';
const path = require('path');
const base = require('../../.config/jest.config');

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'contract',
  testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
};
