/**
 * `npm run build:cli` (part of `npm run build`): the `tracelens` CLI as one JavaScript file in its
 * own package, dist-cli/. Bundled, so an install needs no dependency (no tsx, no TypeScript, none
 * of the Grafana packages the plugin needs), and starts in a fraction of the time tsx takes to
 * compile the sources on every call (`npm run bench -- cli` measures both in one run).
 *
 *   npm run build && npm install -g "$(npm pack ./dist-cli | tail -1)"
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const CLI_DIR = join(ROOT, 'dist-cli');

interface RootPackage {
  version: string;
  license: string;
  description: string;
  engines: { node: string };
}

async function main(): Promise<void> {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as RootPackage;
  rmSync(CLI_DIR, { recursive: true, force: true });
  mkdirSync(CLI_DIR, { recursive: true });

  const result = await build({
    entryPoints: [join(ROOT, 'src/cli/processEntry.ts')],
    outfile: join(CLI_DIR, 'tracelens.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // Licence headers of bundled libraries (re2js, ...) stay in the file they ship in.
    legalComments: 'inline',
    logLevel: 'warning',
    metafile: true,
    minify: true,
  });
  // The CLI must not drag the plugin's UI into the bundle: the core is meant to be free of it.
  const ui = Object.keys(result.metafile.inputs).filter((f) => /node_modules\/(@grafana|react|react-dom)\//.test(f));
  if (ui.length > 0) {
    throw new Error(`the CLI bundle pulls in UI packages: ${ui.slice(0, 5).join(', ')}`);
  }

  const pkg = {
    name: 'tracelens',
    version: root.version,
    description: 'TraceQL over Jaeger, Tempo, Zipkin and trace files, from the command line',
    license: root.license,
    bin: { tracelens: 'tracelens.js' },
    files: ['tracelens.js', 'LICENSE'],
    engines: root.engines,
  };
  writeFileSync(join(CLI_DIR, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  copyFileSync(join(ROOT, 'LICENSE'), join(CLI_DIR, 'LICENSE'));
}

main().catch((e: unknown) => {
  process.stderr.write(`build:cli: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
