import path from 'path';
import grafanaConfig from '@grafana/eslint-config/flat.js';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  ...grafanaConfig,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-deprecated': 'off',
    },
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: path.resolve(import.meta.dirname, '..'),
      },
    },
  },
];
