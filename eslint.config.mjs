import baseConfig from './.config/eslint.config.mjs';
import backendLayering from './eslint-rules/backendLayering.js';

export default [
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/node_modules',
      '**/dist',
      '**/dist-cli',
      '**/coverage',
      '**/artifacts',
      '**/test-results',
      '**/playwright-report',
      '**/.eslintcache',
      '.config/**',
      'bin/**',
      'jest.config.js',
      'jest-setup.js',
      '.prettierrc.js',
    ],
  },
  ...baseConfig,
  {
    // The core runs in Node, workers, the CLI and benchmarks: it must never depend on Grafana,
    // React or the DOM. This rule keeps that boundary from eroding.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@grafana/*'], message: 'src/core must not import Grafana packages.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core must not import React.' },
            { group: ['@emotion/*', 'rxjs', 'rxjs/*'], message: 'src/core is plain TypeScript.' },
            {
              group: ['**/datasource/**', '**/panels/**', '**/app/**', '**/cli/**'],
              message: 'Arrows point one way: shells import the core, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/core must not touch the DOM.' },
        { name: 'document', message: 'src/core must not touch the DOM.' },
        { name: 'localStorage', message: 'src/core must not touch the DOM.' },
      ],
    },
  },
  {
    // Panels meet the data source only through data frames.
    files: ['src/panels/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/datasource/**', '../../datasource', '../../datasource/*'],
              message: 'Panels take data frames, never the data source.',
            },
          ],
        },
      ],
    },
  },
  {
    // "backend" is one layer: only a backend's own folders and the registries name a backend
    // (eslint-rules/backendLayering.js says what counts and why).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/testing/**', 'src/**/test/**'],
    plugins: { tracelens: { rules: { 'backend-layering': backendLayering } } },
    rules: { 'tracelens/backend-layering': 'error' },
  },
];
