/**
 * d3-color ships only `.mjs` behind its package exports, and the shared jest transform matches
 * `.js/.ts` files only, so @grafana/data cannot load in jsdom tests. Importing this module first
 * points d3-color at its UMD build, which needs no transform. Remove once the jest config
 * transforms `.mjs`.
 */
import path from 'path';

jest.mock('d3-color', () => jest.requireActual(path.join(process.cwd(), 'node_modules/d3-color/dist/d3-color.js')));

export {};
