// force timezone to UTC so dates in tests are stable
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

/*
 * Two projects: the pure core (and CLI) runs in Node, fast and without a DOM, which also proves it
 * needs none; Grafana shells (and the sandbox host's runtime services) run in jsdom. Integration,
 * contract-on-dist and browser suites have their own configs and are run by scripts/test-all.sh
 * once their servers are up.
 */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'core',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/core/**/*.test.ts',
        '<rootDir>/src/cli/**/*.test.ts',
        '<rootDir>/tests/unit/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'ui',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/sandbox/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/core/', '<rootDir>/src/cli/'],
    },
  ],
};
