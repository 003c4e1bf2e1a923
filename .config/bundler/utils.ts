import fs from 'fs';
import path from 'path';
import { globSync } from 'glob';

export const SOURCE_DIR = 'src';
export const DIST_DIR = 'dist';

export function getPackageJson() {
  return require(path.resolve(process.cwd(), 'package.json'));
}

export function getPluginJson() {
  return require(path.resolve(process.cwd(), `${SOURCE_DIR}/plugin.json`));
}

export function hasReadme() {
  return fs.existsSync(path.resolve(process.cwd(), SOURCE_DIR, 'README.md'));
}

/**
 * One webpack entry per plugin: every folder under src/ holding a plugin.json and a module.ts(x)
 * (the app at the root, nested data source and panels below it).
 */
export function getEntries(): Record<string, string> {
  const pluginsJson = globSync('**/src/**/plugin.json', { absolute: true, ignore: ['**/node_modules/**'] });
  const entries: Record<string, string> = {};
  for (const pluginJson of pluginsJson.sort()) {
    const folder = path.dirname(pluginJson);
    const modules = globSync(`${folder}/module.{ts,tsx,js,jsx}`, { absolute: true });
    if (modules.length === 0) {
      continue;
    }
    const relative = path.relative(path.resolve(process.cwd(), SOURCE_DIR), folder);
    const name = relative ? `${relative}/module` : 'module';
    entries[name] = modules[0];
  }
  return entries;
}
