import fs from 'fs';
import path from 'path';

import { PluginRoute } from './pluginRoutes';

/** A built plugin found in dist/: its plugin.json and where its files are served from. */
export interface BuiltPlugin {
  id: string;
  type: 'app' | 'datasource' | 'panel';
  name: string;
  /** Folder relative to dist/ ('' for the app at the root). */
  folder: string;
  /** The URL Grafana would load it from: `public/plugins/<id>/module.js`. */
  module: string;
  baseUrl: string;
  json: Record<string, unknown>;
  routes: PluginRoute[];
}

function findPluginJsonFiles(dir: string, root: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return findPluginJsonFiles(full, root);
    }
    return entry.name === 'plugin.json' ? [path.relative(root, full)] : [];
  });
}

/**
 * Reads every plugin.json under dist/ on each call, so a rebuild while the sandbox runs is picked
 * up on the next page load without a restart.
 */
export function scanBuiltPlugins(distDir: string): BuiltPlugin[] {
  return findPluginJsonFiles(distDir, distDir)
    .sort()
    .flatMap((relative): BuiltPlugin[] => {
      const json = JSON.parse(fs.readFileSync(path.join(distDir, relative), 'utf8')) as Record<string, unknown>;
      const id = typeof json.id === 'string' ? json.id : '';
      const type = json.type;
      if (!id || (type !== 'app' && type !== 'datasource' && type !== 'panel')) {
        return [];
      }
      const folder = path.dirname(relative) === '.' ? '' : path.dirname(relative);
      if (!fs.existsSync(path.join(distDir, folder, 'module.js'))) {
        return [];
      }
      return [
        {
          id,
          type,
          name: typeof json.name === 'string' ? json.name : id,
          folder,
          module: `public/plugins/${id}/module.js`,
          baseUrl: `public/plugins/${id}`,
          json,
          routes: Array.isArray(json.routes) ? (json.routes as PluginRoute[]) : [],
        },
      ];
    });
}
