#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI directly through tsx, so `npx tracelens` works right after `npm ci` with no
// build step. tsx's CommonJS API registers a require hook scoped to this process.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
const { runFromProcess } = require(path.join(__dirname, '..', 'src', 'cli', 'bin.ts'));

runFromProcess().catch((e) => {
  process.stderr.write(`tracelens: unexpected failure: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
