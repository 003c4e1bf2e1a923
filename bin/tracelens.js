#!/usr/bin/env node
'use strict';
// The CLI from source, for development: tsx compiles the TypeScript on the fly, so it works right
// after `npm ci` with no build, at about a second of start-up. What users install is the built
// package in dist-cli/ (`npm run build`), which needs neither tsx nor any dependency.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
require(path.join(__dirname, '..', 'src', 'cli', 'processEntry.ts'));
