import fs from 'fs';

/**
 * Loads a built plugin module the way Grafana does: the file calls `define(deps, factory)` and the
 * host supplies each dependency. Only the externals Grafana provides are resolvable, so a module
 * that expects anything else fails here exactly as it would in Grafana.
 */
export const GRAFANA_PROVIDED = new Set([
  'lodash',
  'jquery',
  'moment',
  'slate',
  'emotion',
  '@emotion/react',
  '@emotion/css',
  'prismjs',
  'slate-plain-serializer',
  '@grafana/slate-react',
  'react',
  'react-dom',
  'react-redux',
  'redux',
  'rxjs',
  'rxjs/operators',
  'i18next',
  'react-router',
  'react-router-dom',
  'd3',
  'angular',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/data',
  '@grafana/schema',
  '@grafana/i18n',
]);

type Factory = (...deps: unknown[]) => unknown;

export function loadAmdModule(file: string, resolve: (name: string) => unknown): Record<string, unknown> {
  const code = fs.readFileSync(file, 'utf8');
  let exported: Record<string, unknown> | undefined;
  let defineCalls = 0;

  const define = (depsOrFactory: string[] | Factory, maybeFactory?: Factory) => {
    defineCalls++;
    const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
    const factory = Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory;
    if (typeof factory !== 'function') {
      throw new Error(`${file}: define() without a factory`);
    }
    const exportsObject: Record<string, unknown> = {};
    const args = deps.map((dep) => {
      if (dep === 'exports') {
        return exportsObject;
      }
      if (dep === 'module') {
        return { id: file, uri: `public/plugins/${file}` };
      }
      if (!GRAFANA_PROVIDED.has(dep)) {
        throw new Error(`${file} requires "${dep}", which Grafana does not provide to plugins`);
      }
      return resolve(dep);
    });
    const returned = factory(...args);
    exported = (returned as Record<string, unknown> | undefined) ?? exportsObject;
  };
  (define as unknown as { amd: object }).amd = {};

  new Function('define', code)(define);
  if (defineCalls !== 1 || !exported) {
    throw new Error(`${file}: expected exactly one AMD define() call, saw ${defineCalls}`);
  }
  return exported;
}
