import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';

function newestMtime(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    return Math.max(newest, mtime);
  }, 0);
}

/**
 * Where the host bundle goes. Inside node_modules/.cache, like webpack's and babel's caches, so that
 * `eslint .` (which does not read .gitignore) never parses an 8 MB minified bundle, and git ignores it.
 */
export function hostBuildDir(repoRoot: string): string {
  return path.join(repoRoot, 'node_modules', '.cache', 'tracelens-sandbox', 'host');
}

/**
 * Bundles the host page (React, @grafana/*, rxjs, lodash, monaco-editor and the other runtime
 * packages Grafana supplies to plugins, plus the sandbox's own pages) into sandbox/.build/.
 * Skips the build when the output is newer than the host sources and the installed packages.
 */
export async function buildHost(repoRoot: string, force = false): Promise<void> {
  const hostDir = path.join(repoRoot, 'sandbox', 'host');
  const outDir = hostBuildDir(repoRoot);
  const outFile = path.join(outDir, 'host.js');
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const inputsChanged = Math.max(newestMtime(hostDir), fs.existsSync(lockFile) ? fs.statSync(lockFile).mtimeMs : 0);
  if (!force && fs.existsSync(outFile) && fs.statSync(outFile).mtimeMs > inputsChanged) {
    return;
  }
  const started = Date.now();
  await build({
    absWorkingDir: repoRoot,
    entryPoints: { host: path.join(hostDir, 'index.tsx') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // SANDBOX_DEBUG_BUILD=1 keeps names and adds source maps, for reading React's full errors.
    minify: process.env.SANDBOX_DEBUG_BUILD !== '1',
    sourcemap: process.env.SANDBOX_DEBUG_BUILD === '1',
    jsx: 'automatic',
    logLevel: 'warning',
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
    publicPath: '/host',
    // The CommonJS builds of @grafana/*: their ESM (.mjs) files default-import CommonJS packages
    // (react-custom-scrollbars-2, …), which esbuild resolves with Node's .mjs rules to the whole
    // exports object instead of `default`, and React then gets an object for a component. Webpack,
    // which builds Grafana, honours __esModule; the CommonJS builds carry that interop themselves.
    alias: Object.fromEntries(
      ['data', 'ui', 'runtime'].map((name) => [
        `@grafana/${name}`,
        path.join(repoRoot, 'node_modules', '@grafana', name, 'dist', 'cjs', 'index.cjs'),
      ])
    ),
    define: {
      'process.env.NODE_ENV': process.env.SANDBOX_DEBUG_BUILD === '1' ? '"development"' : '"production"',
      // Bundled UMD libraries (lodash, moment, jquery) must not register themselves as anonymous
      // modules with the page's AMD loader; the host registers each external by name instead.
      define: 'undefined',
      global: 'window',
    },
  });
  console.log(`sandbox: host bundle built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (require.main === module) {
  buildHost(path.resolve(__dirname, '..', '..'), process.argv.includes('--force')).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
